package com.whatsappflux.booking;

import java.time.Instant;

/** A bookable time on one resource: [start, end). */
public record Slot(long resourceId, Instant start, Instant end) {

    /** The list row id the customer taps: SLOT_<resource>_<epoch seconds>. */
    public String rowId() {
        return "SLOT_" + resourceId + "_" + start.getEpochSecond();
    }

    public static java.util.Optional<Slot> fromRowId(String rowId, int durationMinutes) {
        if (rowId == null || !rowId.matches("SLOT_\\d+_\\d+")) {
            return java.util.Optional.empty();
        }
        String[] parts = rowId.split("_");
        Instant start = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        return java.util.Optional.of(new Slot(Long.parseLong(parts[1]), start, start.plusSeconds(durationMinutes * 60L)));
    }
}
