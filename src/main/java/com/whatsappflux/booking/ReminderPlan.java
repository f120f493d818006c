package com.whatsappflux.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What the follow-up waits for next: the earliest reminder (24 h, 2 h … before the start) that was not sent
 * and is still ahead, else the end of the appointment (front desk records attendance then).
 * A booking made 20 hours ahead therefore gets only the 2-hour reminder.
 */
public final class ReminderPlan {

    public static final String REMINDER = "reminder";
    public static final String APPOINTMENT = "appointment";
    public static final String INACTIVE = "inactive";

    public record Step(String kind, String reminder, Instant at) {
    }

    private ReminderPlan() {
    }

    public static Step next(Instant start, Instant end, Instant now, Collection<String> sent, List<Duration> offsets) {
        for (Duration offset : offsets.stream().sorted(java.util.Comparator.reverseOrder()).toList()) {
            String label = label(offset);
            Instant at = start.minus(offset);
            if (!sent.contains(label) && at.isAfter(now)) {
                return new Step(REMINDER, label, at);
            }
        }
        return new Step(APPOINTMENT, null, end.isAfter(now) ? end : now);
    }

    /** PT24H → "24h", PT2H → "2h", PT30M → "30m". */
    public static String label(Duration offset) {
        return offset.toMinutes() % 60 == 0 ? offset.toHours() + "h" : offset.toMinutes() + "m";
    }
}
