package com.whatsappflux.whatsapp;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.system.Database;
import com.whatsappflux.system.GroupCommit;

/**
 * The inbox. Stores a webhook payload and every message and status in it in one transaction, so that a
 * 200 to Meta means nothing can be lost. Redelivered messages hit the unique wamid and are stored once.
 * Nothing else happens here: classification and workflows run later, off the request thread.
 */
@Service
public class WebhookIngestService {

    private static final Logger log = LoggerFactory.getLogger(WebhookIngestService.class);
    public static final String OBJECT = "whatsapp_business_account";

    private final Database db;
    // strict: trailing data or a repeated key would let two readers of one body see different payloads
    private final ObjectReader strictJson;
    private final WhatsAppProperties properties;
    private final InboundMessageParser parser;
    private final StatusUpdater statusUpdater;
    private final InboxSignal inboxSignal;
    private final BusinessClock clock;
    /** Deliveries arriving together are stored in one transaction (one commit for all, each acknowledged after it). */
    private final GroupCommit inboxWrites;

    public WebhookIngestService(Database db, ObjectMapper json, WhatsAppProperties properties,
                                InboundMessageParser parser, StatusUpdater statusUpdater, InboxSignal inboxSignal,
                                BusinessClock clock, PlatformTransactionManager transactions, MeterRegistry meters) {
        this.db = db;
        this.strictJson = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.properties = properties;
        this.parser = parser;
        this.statusUpdater = statusUpdater;
        this.inboxSignal = inboxSignal;
        this.clock = clock;
        this.inboxWrites = new GroupCommit("inbox", db, transactions, meters, MAX_DELIVERIES_PER_COMMIT);
    }

    /** Up to this many deliveries share a commit; Meta's own batches hold up to 1,000 updates each, so few are larger. */
    static final int MAX_DELIVERIES_PER_COMMIT = 64;

    @PreDestroy
    void stop() {
        inboxWrites.close();
    }

    /** What the payload held, for logs, tests and the sandbox. */
    public record IngestResult(int messagesStored, int duplicates, int statuses, boolean ignored) {
    }

    /** Parses and validates the whole payload first (400, nothing stored), then stores it. */
    public IngestResult ingest(byte[] rawBody, String source) {
        JsonNode root = parse(rawBody);
        PayloadPlan plan = plan(root);
        if (plan.isEmpty()) {
            log.info("Webhook payload acknowledged and ignored: {}", plan.ignoredReason());
            return new IngestResult(0, 0, 0, true);
        }
        IngestResult result = store(rawBody, source, plan);
        if (result.messagesStored() > 0) {
            inboxSignal.wake();
        }
        return result;
    }

    private IngestResult store(byte[] rawBody, String source, PayloadPlan plan) {
        return inboxWrites.execute(plan.orderKey(), () -> storeInTransaction(rawBody, source, plan));
    }

    private IngestResult storeInTransaction(byte[] rawBody, String source, PayloadPlan plan) {
        Instant now = clock.now();
        long payloadId = db.insertReturningId(
                "INSERT INTO webhook_payload (received_at, source, body) VALUES (?, ?, ?)",
                Timestamp.from(now), source, new String(rawBody, StandardCharsets.UTF_8));
        int stored = 0;
        int duplicates = 0;
        for (PayloadPlan.Item item : plan.messages()) {
            InboundMessage m = item.message();
            boolean inserted = db.insertIfAbsent("""
                    INSERT INTO inbound_message (wamid, payload_id, phone_number_id, customer_key, wa_id, user_id,
                        profile_name, type, text, context_id, message_json, sent_at, received_at, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED')""",
                    m.wamid(), payloadId, m.phoneNumberId(), m.customerKey(), m.waId(), m.userId(),
                    truncate(m.profileName(), 200), m.type().code(), m.text(),
                    m.context() == null ? null : truncate(m.context().id(), 255), item.raw().toString(),
                    Timestamp.from(m.timestamp()), Timestamp.from(now));
            if (inserted) {
                stored++;
            } else {
                duplicates++;
            }
        }
        for (JsonNode status : plan.statuses()) {
            statusUpdater.record(status, payloadId);
        }
        plan.preferences().forEach(statusUpdater::applyPreference);
        if (stored == 0 && plan.statuses().isEmpty() && plan.preferences().isEmpty()) {
            // a redelivery or replay of messages we all have: keep nothing, not even the body again
            db.jdbc().update("DELETE FROM webhook_payload WHERE id = ?", payloadId);
        }
        return new IngestResult(stored, duplicates, plan.statuses().size(), false);
    }

    private JsonNode parse(byte[] rawBody) {
        try {
            JsonNode root = strictJson.readTree(rawBody);
            if (root == null || !root.isObject()) {
                throw new MalformedPayloadException("the body must be a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException("the body is not valid JSON");
        } catch (java.io.IOException e) {
            throw new MalformedPayloadException("the body could not be read as UTF-8 JSON");
        }
    }

    private PayloadPlan plan(JsonNode root) {
        JsonNode object = root.path("object");
        if (!object.isTextual()) {
            throw new MalformedPayloadException("'object' must be a string");
        }
        if (!OBJECT.equals(object.asText())) {
            return PayloadPlan.ignored("object '" + abbreviate(object.asText()) + "' is not " + OBJECT);
        }
        JsonNode entries = root.path("entry");
        if (!entries.isArray()) {
            throw new MalformedPayloadException("'entry' must be an array");
        }
        PayloadPlan plan = new PayloadPlan();
        for (JsonNode entry : entries) {
            JsonNode changes = entry.path("changes");
            if (!changes.isArray()) {
                throw new MalformedPayloadException("'entry[].changes' must be an array");
            }
            for (JsonNode change : changes) {
                planChange(change, plan);
            }
        }
        return plan;
    }

    private void planChange(JsonNode change, PayloadPlan plan) {
        JsonNode value = change.path("value");
        if (!value.isObject()) {
            throw new MalformedPayloadException("'changes[].value' must be an object");
        }
        String field = change.path("field").asText("");
        if ("user_preferences".equals(field)) {
            statusUpdater.planUserPreferences(value, plan);
            return;
        }
        if (!"messages".equals(field)) {
            plan.ignore("field '" + abbreviate(field) + "'");
            return;
        }
        String phoneNumberId = value.path("metadata").path("phone_number_id").asText(null);
        if (!properties.isConfiguredNumber(phoneNumberId)) {
            plan.ignore("phone_number_id '" + abbreviate(String.valueOf(phoneNumberId)) + "' is not configured");
            return;
        }
        JsonNode messages = value.path("messages");
        if (!messages.isMissingNode() && !messages.isArray()) {
            throw new MalformedPayloadException("'messages' must be an array");
        }
        for (JsonNode message : messages) {
            if (!message.isObject()) {
                throw new MalformedPayloadException("'messages[]' must hold objects");
            }
            plan.messages().add(new PayloadPlan.Item(parser.parse(message, value, phoneNumberId), message));
        }
        JsonNode statuses = value.path("statuses");
        if (!statuses.isMissingNode() && !statuses.isArray()) {
            throw new MalformedPayloadException("'statuses' must be an array");
        }
        for (JsonNode status : statuses) {
            InboundMessageParser.requiredText(status, "id");
            InboundMessageParser.requiredText(status, "status");
            plan.statuses().add(status);
        }
        if (value.path("errors").isArray() && !value.path("errors").isEmpty()) {
            log.warn("WhatsApp reported errors for number {}: {}", phoneNumberId, abbreviate(value.path("errors").toString()));
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String abbreviate(String s) {
        return truncate(s, 80);
    }
}
