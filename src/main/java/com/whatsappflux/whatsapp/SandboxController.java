package com.whatsappflux.whatsapp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.whatsappflux.system.BusinessClock;

/**
 * Sandbox tools (no access token configured): play a customer and read what the business would have
 * sent. Inbound messages are built as Cloud API payloads and go through the same inbox as the webhook.
 * Absent (404) as soon as a real WhatsApp number is connected.
 */
@RestController
@RequestMapping("/api/sandbox")
public class SandboxController {

    private final WhatsAppProperties properties;
    private final WebhookIngestService ingest;
    private final OutboxRepository outbox;
    private final ObjectMapper json;
    private final BusinessClock clock;

    public SandboxController(WhatsAppProperties properties, WebhookIngestService ingest, OutboxRepository outbox,
                             ObjectMapper json, BusinessClock clock) {
        this.properties = properties;
        this.ingest = ingest;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** {@code {"from","name","text"}} or with {@code "interactive":{"type":"button_reply|list_reply","id","title"}}. */
    public record SandboxInbound(String from, String name, String text, Interactive interactive, String button,
                                 String contextId, String id) {
    }

    public record Interactive(String type, String id, String title) {
    }

    @PostMapping("/inbound")
    public ResponseEntity<Map<String, Object>> inbound(@RequestBody SandboxInbound in) {
        requireSandbox();
        if (in == null || in.from() == null || !in.from().matches("\\d{8,15}")) {
            throw new IllegalArgumentException("'from' must be the customer's number, digits only with country code");
        }
        String wamid = in.id() != null && !in.id().isBlank() ? in.id() : "wamid.sandbox.in." + UUID.randomUUID();
        ObjectNode root = json.createObjectNode().put("object", WebhookIngestService.OBJECT);
        ObjectNode value = root.putArray("entry").addObject().put("id", "sandbox-waba")
                .putArray("changes").addObject().put("field", "messages").putObject("value");
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "910000000000")
                .put("phone_number_id", properties.defaultPhoneNumberId());
        ObjectNode contact = value.putArray("contacts").addObject().put("wa_id", in.from());
        if (in.name() != null && !in.name().isBlank()) {
            contact.putObject("profile").put("name", in.name()); // without a name the contact keeps the one it has
        }
        ObjectNode message = value.putArray("messages").addObject()
                .put("from", in.from()).put("id", wamid).put("timestamp", String.valueOf(clock.now().getEpochSecond()));
        if (in.interactive() != null) {
            String kind = "list_reply".equals(in.interactive().type()) ? "list_reply" : "button_reply";
            message.put("type", "interactive");
            message.putObject("interactive").put("type", kind).putObject(kind)
                    .put("id", require(in.interactive().id(), "interactive.id"))
                    .put("title", in.interactive().title() == null ? in.interactive().id() : in.interactive().title());
        } else if (in.button() != null) {
            message.put("type", "button");
            message.putObject("button").put("payload", in.button()).put("text", in.button());
        } else {
            message.put("type", "text");
            message.putObject("text").put("body", require(in.text(), "text"));
        }
        if (in.contextId() != null) {
            message.putObject("context").put("from", "910000000000").put("id", in.contextId());
        }
        WebhookIngestService.IngestResult result = ingest.ingest(root.toString().getBytes(StandardCharsets.UTF_8), "sandbox");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", wamid);
        answer.put("duplicate", result.duplicates() > 0);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
    }

    @GetMapping("/outbox")
    public List<Map<String, Object>> outbox(@RequestParam("to") String to) {
        requireSandbox();
        List<Map<String, Object>> list = new ArrayList<>();
        for (OutboundMessage m : outbox.findByCustomer(to)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", m.wamid());
            row.put("to", m.customerKey());
            row.put("type", m.type());
            row.put("status", m.status().name().toLowerCase());
            row.put("text", m.summary());
            row.put("request", readJson(m.requestJson()));
            row.put("processInstanceId", m.processInstanceId());
            row.put("createdAt", m.createdAt().toString());
            list.add(row);
        }
        return list;
    }

    private void requireSandbox() {
        if (!properties.sandbox()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "not found");
        }
    }

    private JsonNode readJson(String s) {
        try {
            return json.readTree(s);
        } catch (java.io.IOException e) {
            return json.getNodeFactory().textNode(s);
        }
    }

    private static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + name + "' is required");
        }
        if (value.length() > 4096) {
            throw new IllegalArgumentException("'" + name + "' is longer than 4096 characters");
        }
        return value;
    }

}
