package com.whatsappflux.intent;

import java.time.LocalTime;

/** A vague time of day ("subah", "evening") as the window a business would offer slots in. */
public enum PartOfDay {
    MORNING(LocalTime.of(9, 0), LocalTime.of(12, 0)),
    AFTERNOON(LocalTime.of(12, 0), LocalTime.of(16, 0)),
    EVENING(LocalTime.of(16, 0), LocalTime.of(20, 0)),
    NIGHT(LocalTime.of(20, 0), LocalTime.of(23, 0));

    private final LocalTime start;
    private final LocalTime end;

    PartOfDay(LocalTime start, LocalTime end) {
        this.start = start;
        this.end = end;
    }

    public LocalTime start() {
        return start;
    }

    public LocalTime end() {
        return end;
    }
}
