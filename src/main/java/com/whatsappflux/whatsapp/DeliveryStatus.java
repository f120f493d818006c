package com.whatsappflux.whatsapp;

import java.util.Locale;

/**
 * Where an outbound message stands. Transitions only move forward (Meta's statuses arrive out of order
 * and twice); FAILED is terminal for delivery.
 */
public enum DeliveryStatus {
    PENDING(0), SENDING(0), ACCEPTED(1), SENT(2), DELIVERED(3), READ(4), FAILED(5);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** Meta accepted it: resending would duplicate it for the customer. */
    public boolean acceptedByMeta() {
        return rank >= 1 && this != FAILED;
    }

    public static DeliveryStatus fromWebhook(String status) {
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "sent" -> SENT;
            case "delivered" -> DELIVERED;
            case "read", "played" -> READ;
            case "failed" -> FAILED;
            default -> null;
        };
    }
}
