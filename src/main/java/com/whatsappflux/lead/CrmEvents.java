package com.whatsappflux.lead;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.system.Database;

/**
 * Every lead change as a JSON event {@code {id, type, occurredAt, lead}} into the outbox, one row per configured
 * webhook URL, in the same transaction as the change (a rolled-back job emits nothing). {@link CrmWebhookWorker}
 * delivers them later, never on the request thread.
 */
@Component
class CrmEvents {

    static final String CREATED = "lead.created";
    static final String UPDATED = "lead.updated";
    static final String STAGE_CHANGED = "lead.stage_changed";

    private final Database db;
    private final CrmWebhookSettings settings;
    private final ObjectMapper json;
    private final BusinessClock clock;

    CrmEvents(Database db, CrmWebhookSettings settings, ObjectMapper json, BusinessClock clock) {
        this.db = db;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    void emit(String type, Lead lead, Map<String, String> answers) {
        if (settings.urls().isEmpty()) {
            return;
        }
        String id = UUID.randomUUID().toString();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("type", type);
        event.put("occurredAt", clock.now().toString());
        event.put("lead", view(lead, answers));
        String body;
        try {
            body = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Timestamp now = Timestamp.from(Instant.now());
        for (String url : settings.urls()) {
            db.jdbc().update("INSERT INTO crm_outbox (event_id, url, event_type, body, created_at, next_attempt_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", id, url, type, body, now, now);
        }
    }

    static Map<String, Object> view(Lead lead, Map<String, String> answers) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", lead.id());
        v.put("waId", lead.waId());
        v.put("name", lead.customerName());
        v.put("source", lead.source());
        v.put("campaignId", lead.campaignId());
        v.put("adHeadline", lead.adHeadline());
        v.put("firstMessage", lead.firstMessage());
        v.put("lastMessage", lead.lastMessage());
        v.put("language", lead.language());
        v.put("stage", lead.stage());
        v.put("score", lead.score());
        v.put("owner", lead.owner());
        v.put("value", lead.dealValue());
        v.put("followUpOn", lead.followUpOn() == null ? null : lead.followUpOn().toString());
        v.put("notes", lead.outcomeNotes());
        v.put("customerQuestions", lead.customerQuestions());
        v.put("answers", answers);
        v.put("createdAt", lead.createdAt() == null ? null : lead.createdAt().toString());
        v.put("updatedAt", lead.updatedAt() == null ? null : lead.updatedAt().toString());
        return v;
    }
}
