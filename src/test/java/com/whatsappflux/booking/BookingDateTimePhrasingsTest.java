package com.whatsappflux.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real phrasings in English, Hinglish and Hindi, read the way the booking reads them (the intent feature's
 * DateTimeExtractor through BookingRequestReader) and turned into offered slots on the demo calendar.
 * "Now" is Mon 23 Nov 2026, 10:00 IST. Columns: text, first offered slot, whether the exact wish is met.
 */
class BookingDateTimePhrasingsTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, TestCalendars.IST);

    private final BookingRequestReader reader = new BookingRequestReader(new BookingSettings(null) {
        @Override
        public List<String> specialRequestWords() {
            return List.of("wheelchair");
        }
    });

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            kal shaam 5 baje                     | 2026-11-24T17:00 | true
            kal 5 baje appointment chahiye       | 2026-11-24T17:00 | true
            Friday morning                       | 2026-11-27T10:00 | true
            25/11 4pm                            | 2026-11-25T16:00 | true
            कल सुबह                               | 2026-11-24T10:00 | true
            parso dopahar 3 baje                 | 2026-11-25T15:00 | true
            Saturday evening                     | 2026-11-28T16:00 | true
            tomorrow at 2:30 pm                  | 2026-11-24T14:30 | true
            aaj shaam                            | 2026-11-23T16:00 | true
            शुक्रवार को शाम 6 बजे                   | 2026-11-27T18:00 | true
            next monday 11 am                    | 2026-11-30T11:00 | true
            कल दोपहर 1:30 बजे                       | 2026-11-24T13:00 | false
            Sunday 11 baje chalega?              | 2026-11-30T10:00 | false
            """)
    void phrasingBecomesTheRightSlots(String text, String firstSlot, boolean exact) {
        PreferredTime preference = reader.preference(text, NOW).orElseThrow(() -> new AssertionError("nothing read in: " + text));
        SlotFinder.Offer offer = SlotFinder.offer(TestCalendars.demo(), TestCalendars.DEMO, preference, NOW.toInstant(),
                (r, g) -> 0);
        assertThat(offer.preferenceMet()).as("exact wish met for %s (read as %s)", text, preference).isEqualTo(exact);
        List<LocalDateTime> starts = offer.slots().stream().map(s -> LocalDateTime.ofInstant(s.start(), TestCalendars.IST)).toList();
        if (exact) {
            assertThat(starts).as("slots for %s (read as %s)", text, preference).contains(LocalDateTime.parse(firstSlot));
            assertThat(preference.time() == null ? starts.get(0) : LocalDateTime.parse(firstSlot))
                    .isEqualTo(LocalDateTime.parse(firstSlot));
        } else {
            assertThat(starts).as("slots for %s (read as %s)", text, preference).contains(LocalDateTime.parse(firstSlot));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            AC service chahiye kal                 | AC service visit
            home installation ke liye visit        | Home installation visit
            store pe demo dekhna hai               | Product demo at store
            """)
    void serviceIsRecognised(String text, String service) {
        assertThat(reader.service(text, List.of(TestCalendars.DEMO, TestCalendars.INSTALL, TestCalendars.AC)))
                .map(BusinessCalendar.Service::name).contains(service);
    }
}
