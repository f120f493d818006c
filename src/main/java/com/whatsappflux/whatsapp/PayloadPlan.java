package com.whatsappflux.whatsapp;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** What a validated webhook payload will store; built completely before anything is written. */
class PayloadPlan {

    record Item(InboundMessage message, JsonNode raw) {
    }

    /** A customer's choice in the WhatsApp client to stop or resume marketing messages. */
    record Preference(String waId, String category, String value) {
    }

    private final List<Item> messages = new ArrayList<>();
    private final List<JsonNode> statuses = new ArrayList<>();
    private final List<Preference> preferences = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();

    static PayloadPlan ignored(String reason) {
        PayloadPlan plan = new PayloadPlan();
        plan.ignore(reason);
        return plan;
    }

    List<Item> messages() {
        return messages;
    }

    List<JsonNode> statuses() {
        return statuses;
    }

    List<Preference> preferences() {
        return preferences;
    }

    void ignore(String reason) {
        ignored.add(reason);
    }

    boolean isEmpty() {
        return messages.isEmpty() && statuses.isEmpty() && preferences.isEmpty();
    }

    /**
     * Where this delivery sorts among those stored together: by what it writes first, so that two nodes storing the
     * same redelivered messages in one commit each lock them in the same order.
     */
    String orderKey() {
        if (!messages.isEmpty()) {
            return "m:" + messages.get(0).message().wamid();
        }
        if (!statuses.isEmpty()) {
            return "s:" + statuses.get(0).path("id").asText() + ":" + statuses.get(0).path("status").asText();
        }
        return preferences.isEmpty() ? "" : "p:" + preferences.get(0).waId();
    }

    String ignoredReason() {
        return ignored.isEmpty() ? "nothing in it" : String.join("; ", ignored);
    }
}
