package com.whatsappflux.broadcast;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A campaign as stored: what to send, to whom was asked, and the durations that drive its timers. */
public record Campaign(
        long id,
        String name,
        TemplateSpec template,
        TemplateSpec reengageTemplate,
        String audienceJson,
        String hotLeadRoute,
        String responseWindow,
        String reengageDelay,
        Instant startAt,
        String status,
        String processInstanceId,
        String createdBy) {

    public static final String ROUTE_LEAD_CAPTURE = "lead-capture";
    public static final String ROUTE_SALES = "sales";

    /** An approved template with its parameters and the actions of its quick-reply buttons, in button order. */
    public record TemplateSpec(String name, String language, List<String> bodyParameters, List<String> quickReplies) {
    }

    public String businessKey() {
        return BroadcastProcess.BUSINESS_KEY_PREFIX + id;
    }

    public Duration responseWindowDuration() {
        return Duration.parse(responseWindow);
    }
}
