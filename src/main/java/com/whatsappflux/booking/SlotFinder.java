package com.whatsappflux.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The slot engine: which starts of a service are free on the calendar, and which of them to offer for
 * what the customer asked ("kal shaam 5 baje"). Pure: the calendar, "now" and the occupied granules come in.
 */
public final class SlotFinder {

    /** How many seats of a resource's granule are taken (bookings and live holds). */
    @FunctionalInterface
    public interface Occupancy {
        int seatsTaken(long resourceId, Instant granuleStart);
    }

    /** The slots to offer (chronological) and whether they match what the customer asked for. */
    public record Offer(List<Slot> slots, boolean preferenceMet) {
    }

    private SlotFinder() {
    }

    public static Offer offer(BusinessCalendar calendar, BusinessCalendar.Service service, PreferredTime preference,
                              Instant now, Occupancy occupancy) {
        List<Slot> free = freeSlots(calendar, service, now, occupancy);
        int max = calendar.settings().maxOffered();
        List<Slot> fitting = free.stream().filter(s -> fits(calendar, s, preference)).toList();
        if (!fitting.isEmpty()) {
            if (preference.time() == null) {
                return new Offer(fitting.subList(0, Math.min(max, fitting.size())), true);
            }
            Instant target = target(calendar, preference, free.isEmpty() ? now : free.get(0).start());
            List<Slot> nearest = fitting.stream()
                    .sorted(Comparator.comparing((Slot s) -> Duration.between(s.start(), target).abs()).thenComparing(Slot::start))
                    .limit(max).sorted(Comparator.comparing(Slot::start)).toList();
            return new Offer(nearest, nearest.stream().anyMatch(s -> s.start().equals(target)));
        }
        // nothing fits: the next available ones, from the day asked for when that is still ahead
        Instant from = preference.date() == null ? now : preference.date().atStartOfDay(calendar.zone()).toInstant();
        List<Slot> next = free.stream().filter(s -> !s.start().isBefore(from)).limit(max).toList();
        if (next.isEmpty()) {
            next = free.stream().limit(max).toList();
        }
        return new Offer(next, false);
    }

    /**
     * Every free start of the service within [now + minimum notice, now + horizon], one per start time
     * (the first resource that is free), chronological.
     */
    public static List<Slot> freeSlots(BusinessCalendar calendar, BusinessCalendar.Service service, Instant now,
                                       Occupancy occupancy) {
        BusinessCalendar.Settings settings = calendar.settings();
        Instant earliest = now.plus(Duration.ofMinutes(settings.minNoticeMinutes()));
        Instant latest = now.plus(Duration.ofDays(settings.horizonDays()));
        Duration length = Duration.ofMinutes(service.durationMinutes());
        Map<Instant, Slot> byStart = new LinkedHashMap<>();
        LocalDate last = latest.atZone(calendar.zone()).toLocalDate();
        for (LocalDate day = earliest.atZone(calendar.zone()).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (BusinessCalendar.Resource resource : calendar.resources()) {
                if (!resource.offers(service.id()) || closedOn(calendar, resource.id(), day)) {
                    continue;
                }
                for (BusinessCalendar.Hours hours : calendar.hours()) {
                    if (hours.resourceId() != resource.id() || hours.day() != day.getDayOfWeek()) {
                        continue;
                    }
                    for (LocalTime t = hours.opens(); !t.plus(length).isAfter(hours.closes()) && !t.plus(length).isBefore(t);
                         t = t.plusMinutes(settings.slotMinutes())) {
                        Instant start = day.atTime(t).atZone(calendar.zone()).toInstant();
                        if (start.isBefore(earliest) || start.isAfter(latest) || byStart.containsKey(start)) {
                            continue;
                        }
                        Slot slot = new Slot(resource.id(), start, start.plus(length));
                        if (!inBreak(calendar, resource.id(), day, t, t.plus(length)) && seatFree(calendar, resource, slot, occupancy)) {
                            byStart.put(start, slot);
                        }
                        if (t.plusMinutes(settings.slotMinutes()).isBefore(t)) {
                            break; // wrapped past midnight
                        }
                    }
                }
            }
        }
        List<Slot> slots = new ArrayList<>(byStart.values());
        slots.sort(Comparator.comparing(Slot::start).thenComparing(Slot::resourceId));
        return slots;
    }

    /**
     * The granules of the slot grid (local midnight + k × slot minutes) that [start, end) touches: every
     * booking occupies these rows, so overlapping bookings always meet on at least one row.
     */
    public static List<Instant> granules(BusinessCalendar calendar, Instant start, Instant end) {
        ZonedDateTime local = start.atZone(calendar.zone());
        ZonedDateTime midnight = local.toLocalDate().atStartOfDay(calendar.zone());
        long step = calendar.settings().slotMinutes();
        long minutesIn = Duration.between(midnight, local).toMinutes();
        ZonedDateTime g = midnight.plusMinutes(minutesIn - minutesIn % step);
        List<Instant> granules = new ArrayList<>();
        while (g.toInstant().isBefore(end)) {
            granules.add(g.toInstant());
            g = g.plusMinutes(step);
        }
        return granules;
    }

    static boolean closedOn(BusinessCalendar calendar, long resourceId, LocalDate day) {
        return calendar.holidays().stream().anyMatch(h -> h.closes(resourceId, day));
    }

    private static boolean inBreak(BusinessCalendar calendar, long resourceId, LocalDate day, LocalTime from, LocalTime to) {
        return calendar.breaks().stream().anyMatch(b -> b.applies(resourceId, day.getDayOfWeek())
                && from.isBefore(b.ends()) && b.starts().isBefore(to));
    }

    private static boolean seatFree(BusinessCalendar calendar, BusinessCalendar.Resource resource, Slot slot,
                                    Occupancy occupancy) {
        return granules(calendar, slot.start(), slot.end()).stream()
                .allMatch(g -> occupancy.seatsTaken(resource.id(), g) < resource.capacity());
    }

    private static boolean fits(BusinessCalendar calendar, Slot slot, PreferredTime preference) {
        LocalDateTime local = LocalDateTime.ofInstant(slot.start(), calendar.zone());
        return preference.dayMatches(local.toLocalDate()) && preference.partOfDayContains(local.toLocalTime());
    }

    /** The moment asked for; with a time but no date, its next occurrence from the first bookable moment. */
    private static Instant target(BusinessCalendar calendar, PreferredTime preference, Instant firstFree) {
        if (preference.date() != null) {
            return preference.date().atTime(preference.time()).atZone(calendar.zone()).toInstant();
        }
        ZonedDateTime first = firstFree.atZone(calendar.zone());
        ZonedDateTime candidate = first.toLocalDate().atTime(preference.time()).atZone(calendar.zone());
        return candidate.isBefore(first) ? candidate.plusDays(1).toInstant() : candidate.toInstant();
    }
}
