package com.whatsappflux.booking;

import java.time.Instant;

/** One appointment (or a brief hold on a slot) as staff and customers see it. */
public record Booking(long id, String waId, String customerName, long serviceId, String serviceName, long resourceId,
                      String resourceName, Instant start, Instant end, String status, String source,
                      Instant holdExpiresAt, String processInstanceId, String note) {

    public static final String HELD = "HELD";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String CANCELLED = "CANCELLED";
    public static final String RESCHEDULED = "RESCHEDULED";
    public static final String EXPIRED = "EXPIRED";
    public static final String RELEASED = "RELEASED";
    public static final String ATTENDED = "ATTENDED";
    public static final String NO_SHOW = "NO_SHOW";

    /** Whether this booking is the slot behind a list row id (SLOT_resource_epochSeconds). */
    public boolean rowIdMatches(String rowId) {
        return new Slot(resourceId, start, end).rowId().equals(rowId);
    }

    public boolean isActive() {
        return CONFIRMED.equals(status);
    }
}
