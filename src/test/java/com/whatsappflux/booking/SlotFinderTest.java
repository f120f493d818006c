package com.whatsappflux.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The slot engine on the demo calendar (no database). */
class SlotFinderTest {

    /** Mon 23 Nov 2026, 10:00 IST. */
    private static final Instant NOW = OffsetDateTime.parse("2026-11-23T10:00:00+05:30").toInstant();
    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

    private final Map<String, Integer> taken = new HashMap<>();
    private final SlotFinder.Occupancy occupancy = (r, g) -> taken.getOrDefault(r + "@" + g, 0);

    @Test
    void exactTimeIsOffered_withTheNearestAlternativesInOrder() {
        SlotFinder.Offer offer = offer(TestCalendars.demo(), TestCalendars.AC, new PreferredTime(TUESDAY, null, LocalTime.of(17, 0), "EVENING"));
        assertThat(offer.preferenceMet()).isTrue();
        assertThat(offer.slots()).hasSize(10);
        assertThat(times(offer)).contains(LocalDateTime.of(TUESDAY, LocalTime.of(17, 0))).isSorted();
        assertThat(times(offer)).allMatch(t -> t.toLocalDate().equals(TUESDAY) && t.getHour() >= 16);
    }

    @Test
    void minimumNoticeLunchBreakAndSundayAreRespected() {
        List<Slot> free = SlotFinder.freeSlots(TestCalendars.demo(), TestCalendars.AC, NOW, occupancy);
        List<LocalDateTime> starts = free.stream().map(s -> LocalDateTime.ofInstant(s.start(), TestCalendars.IST)).toList();
        assertThat(starts.get(0)).isEqualTo(LocalDateTime.of(2026, 11, 23, 11, 0)); // one hour notice
        assertThat(starts).noneMatch(t -> t.getDayOfWeek() == java.time.DayOfWeek.SUNDAY);
        // 45 minutes must end by 13:30 and may start from 14:30
        assertThat(starts).contains(LocalDateTime.of(TUESDAY, LocalTime.of(12, 45)), LocalDateTime.of(TUESDAY, LocalTime.of(14, 30)));
        assertThat(starts).doesNotContain(LocalDateTime.of(TUESDAY, LocalTime.of(13, 0)), LocalDateTime.of(TUESDAY, LocalTime.of(14, 0)));
        // last start so that 45 minutes end by 20:00; horizon 30 days
        assertThat(starts).contains(LocalDateTime.of(TUESDAY, LocalTime.of(19, 15))).doesNotContain(LocalDateTime.of(TUESDAY, LocalTime.of(19, 30)));
        assertThat(starts.get(starts.size() - 1)).isBefore(LocalDateTime.of(2026, 12, 23, 10, 1));
    }

    @Test
    void takenSlotIsNotOffered_whenBothStaffAreBusy() {
        Instant five = OffsetDateTime.parse("2026-11-24T17:00:00+05:30").toInstant();
        for (long resource : new long[] {1, 2}) {
            for (Instant g : SlotFinder.granules(TestCalendars.demo(), five, five.plusSeconds(3600))) {
                taken.put(resource + "@" + g, 1);
            }
        }
        SlotFinder.Offer offer = offer(TestCalendars.demo(), TestCalendars.DEMO, new PreferredTime(TUESDAY, null, LocalTime.of(17, 0), null));
        assertThat(offer.preferenceMet()).isFalse();
        assertThat(times(offer)).doesNotContain(LocalDateTime.of(TUESDAY, LocalTime.of(17, 0)), LocalDateTime.of(TUESDAY, LocalTime.of(17, 30)))
                .contains(LocalDateTime.of(TUESDAY, LocalTime.of(18, 0)), LocalDateTime.of(TUESDAY, LocalTime.of(16, 30)));
    }

    @Test
    void secondSeatStaysFree_whenCapacityIsTwo() {
        Instant five = OffsetDateTime.parse("2026-11-24T17:00:00+05:30").toInstant();
        BusinessCalendar calendar = TestCalendars.demo(2, List.of());
        for (Instant g : SlotFinder.granules(calendar, five, five.plusSeconds(1800))) {
            taken.put("1@" + g, 1);
            taken.put("2@" + g, 1);
        }
        assertThat(offer(calendar, TestCalendars.DEMO, new PreferredTime(TUESDAY, null, LocalTime.of(17, 0), null)).preferenceMet()).isTrue();
    }

    @Test
    void nextAvailableAreOffered_whenTheDayAskedForIsAHoliday() {
        BusinessCalendar calendar = TestCalendars.demo(1, List.of(new BusinessCalendar.Holiday(TUESDAY, null, "Guru Nanak Jayanti")));
        SlotFinder.Offer offer = offer(calendar, TestCalendars.AC, new PreferredTime(TUESDAY, null, null, "MORNING"));
        assertThat(offer.preferenceMet()).isFalse();
        assertThat(times(offer).get(0)).isEqualTo(LocalDateTime.of(2026, 11, 25, 10, 0));
    }

    @Test
    void partOfDayLimitsTheOffer() {
        SlotFinder.Offer offer = offer(TestCalendars.demo(), TestCalendars.DEMO,
                new PreferredTime(LocalDate.of(2026, 11, 27), null, null, "AFTERNOON"));
        assertThat(offer.preferenceMet()).isTrue();
        assertThat(times(offer)).allMatch(t -> t.getHour() >= 12 && t.getHour() < 16);
        assertThat(times(offer).get(0)).isEqualTo(LocalDateTime.of(2026, 11, 27, 12, 0));
    }

    @Test
    void everyOverlappingBookingSharesAGranule() {
        Instant a = OffsetDateTime.parse("2026-11-24T17:00:00+05:30").toInstant();
        Instant odd = OffsetDateTime.parse("2026-11-24T17:40:00+05:30").toInstant(); // a walk-in off the grid
        List<Instant> first = SlotFinder.granules(TestCalendars.demo(), a, a.plusSeconds(45 * 60));
        assertThat(first).hasSize(3);
        assertThat(SlotFinder.granules(TestCalendars.demo(), odd, odd.plusSeconds(600))).containsAnyElementsOf(first);
    }

    private SlotFinder.Offer offer(BusinessCalendar calendar, BusinessCalendar.Service service, PreferredTime preference) {
        return SlotFinder.offer(calendar, service, preference, NOW, occupancy);
    }

    private static List<LocalDateTime> times(SlotFinder.Offer offer) {
        return offer.slots().stream().map(s -> LocalDateTime.ofInstant(s.start(), TestCalendars.IST)).toList();
    }
}
