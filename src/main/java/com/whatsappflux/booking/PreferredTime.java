package com.whatsappflux.booking;

import java.time.LocalDate;
import java.time.LocalTime;

import com.whatsappflux.intent.PartOfDay;

/**
 * When the customer would like to come, as far as they said: a day (or a range of days, "next week"),
 * an exact time, or a part of the day (MORNING, AFTERNOON, EVENING, NIGHT); each may be missing.
 */
public record PreferredTime(LocalDate date, LocalDate until, LocalTime time, String partOfDay) {

    public static final PreferredTime ANY = new PreferredTime(null, null, null, null);

    public boolean isEmpty() {
        return date == null && time == null && partOfDay == null;
    }

    boolean dayMatches(LocalDate day) {
        if (date == null) {
            return true;
        }
        return until == null ? date.equals(day) : !day.isBefore(date) && !day.isAfter(until);
    }

    /** Whether a local start time lies in the part of the day the customer named (the extractor's windows). */
    boolean partOfDayContains(LocalTime start) {
        if (partOfDay == null) {
            return true;
        }
        PartOfDay part = PartOfDay.valueOf(partOfDay);
        return !start.isBefore(part.start()) && start.isBefore(part.end());
    }
}
