package com.whatsappflux.whatsapp;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.whatsappflux.crm.ContactService;
import com.whatsappflux.system.Database;

/**
 * Applies delivery statuses to the outbound message they belong to, forward only. A status for an id we
 * never sent is kept (known = false), not treated as an error.
 */
@Component
public class StatusUpdater {

    private static final Logger log = LoggerFactory.getLogger(StatusUpdater.class);
    /** 131026: not on WhatsApp / blocked us / old app — do not keep trying this customer. */
    static final int UNDELIVERABLE = 131026;

    private final Database db;
    private final ContactService contacts;
    private final OutboxRepository outbox;

    public StatusUpdater(Database db, ContactService contacts, OutboxRepository outbox) {
        this.db = db;
        this.contacts = contacts;
        this.outbox = outbox;
    }

    void record(JsonNode status, long payloadId) {
        String wamid = InboundMessageParser.storable(status.path("id").asText());
        String wireStatus = InboundMessageParser.storable(status.path("status").asText());
        DeliveryStatus next = DeliveryStatus.fromWebhook(wireStatus);
        JsonNode error = status.path("errors").path(0);
        Integer errorCode = error.isObject() && error.path("code").canConvertToInt() ? error.path("code").asInt() : null;
        String errorTitle = error.isObject()
                ? InboundMessageParser.storable(truncate(error.path("title").asText(null) + detail(error), 500)) : null;
        List<String> outbound = db.jdbc().queryForList(
                "SELECT customer_key FROM outbound_message WHERE wamid = ?", String.class, wamid);
        if (outbound.isEmpty()) {
            outbound = attachToInDoubtSend(status, wamid);
        }
        boolean known = !outbound.isEmpty();
        boolean fresh = db.insertIfAbsent("""
                INSERT INTO message_status (wamid, status, occurred_at, recipient_id, error_code, error_title, known, payload_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                truncate(wamid, 255), truncate(wireStatus, 16), Timestamp.from(timestamp(status)),
                InboundMessageParser.storable(truncate(status.path("recipient_id").asText(null), 160)), errorCode, errorTitle, known, payloadId);
        if (!known) {
            log.info("Status '{}' for unknown message {} kept", wireStatus, wamid);
            return;
        }
        if (!fresh || next == null) {
            return;
        }
        List<String> lowerRanks = new ArrayList<>();
        for (DeliveryStatus s : DeliveryStatus.values()) {
            if (s.rank() < next.rank() && s != DeliveryStatus.FAILED) {
                lowerRanks.add("'" + s.name() + "'");
            }
        }
        String inClause = String.join(",", lowerRanks);
        if (next == DeliveryStatus.FAILED) {
            db.jdbc().update("UPDATE outbound_message SET status = 'FAILED', error_code = ?, error_message = ?, updated_at = ? "
                    + "WHERE wamid = ? AND status <> 'READ'", errorCode, errorTitle, Timestamp.from(Instant.now()), wamid);
            if (errorCode != null && errorCode == UNDELIVERABLE) {
                contacts.markUnreachable(outbound.get(0));
            }
        } else {
            db.jdbc().update("UPDATE outbound_message SET status = ?, updated_at = ? WHERE wamid = ? AND status IN ("
                    + inClause + ")", next.name(), Timestamp.from(Instant.now()), wamid);
        }
    }

    /**
     * A status for a wamid we never learnt (our call timed out, or we crashed after it) that echoes the
     * {@code biz_opaque_callback_data} of one of our outbox rows: Meta accepted that send, so the row gets the
     * wamid now and a retry of its job will not send it again. The recipient must match the row's. Answers the
     * row's customer, as the lookup by wamid would have.
     */
    private List<String> attachToInDoubtSend(JsonNode status, String wamid) {
        Long id = OutboxRepository.idFromCallbackData(status.path("biz_opaque_callback_data").asText(null)).orElse(null);
        if (id == null || wamid.isBlank()) {
            return List.of();
        }
        List<String[]> row = db.jdbc().query("SELECT customer_key, COALESCE(to_wa_id, '') FROM outbound_message WHERE id = ?",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, id);
        String recipient = status.path("recipient_id").asText("");
        if (row.isEmpty() || (!row.get(0)[1].isEmpty() && !recipient.isEmpty() && !row.get(0)[1].equals(recipient))) {
            log.warn("Status for {} echoes outbox row {}, unknown or for another recipient: ignored", wamid, id);
            return List.of();
        }
        if (!outbox.attachEchoedWamid(id, wamid, Instant.now())) {
            return List.of();
        }
        log.info("Outbound message {} had no answer from WhatsApp; its status shows it accepted as {}", id, wamid);
        return List.of(row.get(0)[0]);
    }

    void planUserPreferences(JsonNode value, PayloadPlan plan) {
        for (JsonNode p : value.path("user_preferences")) {
            String waId = p.path("wa_id").asText(null);
            if (waId != null) {
                plan.preferences().add(new PayloadPlan.Preference(waId, p.path("category").asText(""),
                        p.path("value").asText("")));
            }
        }
    }

    void applyPreference(PayloadPlan.Preference preference) {
        if (!"marketing_messages".equals(preference.category())) {
            return;
        }
        if ("stop".equals(preference.value())) {
            contacts.optOut(preference.waId(), "whatsapp-client");
        } else if ("resume".equals(preference.value()) || "signup".equals(preference.value())) {
            contacts.optIn(preference.waId());
        }
    }

    private static String detail(JsonNode error) {
        String details = error.path("error_data").path("details").asText(null);
        return details == null ? "" : ": " + details;
    }

    private static Instant timestamp(JsonNode status) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(status.path("timestamp").asText()));
        } catch (NumberFormatException e) {
            return Instant.now();
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
