package com.whatsappflux.whatsapp;

import java.time.Instant;

/** A row of the outbox: what was (or will be) sent, the exact request body and where it stands. */
public record OutboundMessage(
        long id,
        String idempotencyKey,
        String phoneNumberId,
        String customerKey,
        String type,
        String summary,
        String requestJson,
        DeliveryStatus status,
        String wamid,
        int attempts,
        Integer errorCode,
        String errorMessage,
        String processInstanceId,
        String businessKey,
        Instant createdAt) {
}
