package com.whatsappflux.intent;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A date and/or time a message refers to, already resolved against "now".
 *
 * @param date      the day meant, or the first day of a range ("next week"); null only when nothing
 *                  pins a day (never, in practice: a bare time means today or tomorrow)
 * @param until     last day of a range ("is hafte", "next week", "this weekend"), else null
 * @param time      the exact time, or null when only a part of day or no time was given
 * @param partOfDay the window ("subah", "evening"), or null
 */
public record DateTimeMention(LocalDate date, LocalDate until, LocalTime time, PartOfDay partOfDay) {

    /** The earliest moment the customer could mean: the exact time, else the start of the part of day, else midnight. */
    public ZonedDateTime earliestStart(ZoneId zone) {
        LocalDate day = date != null ? date : LocalDate.now(zone);
        LocalTime at = time != null ? time : partOfDay != null ? partOfDay.start() : LocalTime.MIDNIGHT;
        return ZonedDateTime.of(day, at, zone);
    }

    /** The latest moment still matching: the exact time, else the end of the part of day, else the end of the last day. */
    public ZonedDateTime latestEnd(ZoneId zone) {
        LocalDate day = until != null ? until : date != null ? date : LocalDate.now(zone);
        if (time != null) {
            return ZonedDateTime.of(day, time, zone);
        }
        if (partOfDay != null) {
            return ZonedDateTime.of(day, partOfDay.end(), zone);
        }
        return ZonedDateTime.of(day.plusDays(1), LocalTime.MIDNIGHT, zone);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("date", date == null ? null : date.toString());
        if (until != null) {
            map.put("until", until.toString());
        }
        map.put("time", time == null ? null : time.toString());
        map.put("partOfDay", partOfDay == null ? null : partOfDay.name());
        return map;
    }
}
