package com.whatsappflux.booking;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times the way Indian customers read them: "Wed, 25 Nov 2026, 5:00 PM". */
public final class BookingFormat {

    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEE, d MMM yyyy, h:mm a", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

    private BookingFormat() {
    }

    /** "Wed, 25 Nov 2026, 5:00 PM". */
    public static String full(Instant instant, ZoneId zone) {
        return FULL.format(instant.atZone(zone));
    }

    /** "Wed 25 Nov" (template parameter and list rows). */
    public static String shortDate(Instant instant, ZoneId zone) {
        return SHORT_DATE.format(instant.atZone(zone));
    }

    /** "5:00 PM". */
    public static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    /** A list row title (≤ 24 characters): "Wed 25 Nov, 5:00 PM". */
    public static String rowTitle(Instant instant, ZoneId zone) {
        return shortDate(instant, zone) + ", " + time(instant, zone);
    }
}
