package com.whatsappflux.crm;

import java.time.Instant;

/** A person who wrote to (or is written to by) the business. {@code customerKey} is the wa_id when known. */
public record Contact(
        long id,
        String customerKey,
        String waId,
        String userId,
        String name,
        String language,
        boolean customer,
        boolean optedOut,
        boolean unreachable,
        String phoneNumberId,
        Instant firstSeenAt,
        Instant lastInboundAt) {

    /** Free-form messages are allowed for 24 hours after the customer's latest message. */
    public boolean withinServiceWindow(Instant now) {
        return lastInboundAt != null && lastInboundAt.isAfter(now.minusSeconds(24 * 3600));
    }

    public String displayName() {
        return name != null && !name.isBlank() ? name : customerKey;
    }
}
