package com.whatsappflux.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** now = Wednesday 2026-11-25 10:00 Asia/Kolkata. Empty cells mean "not stated". */
class DateTimeExtractorTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, KOLKATA);
    private final DateTimeExtractor extractor = new DateTimeExtractor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            kal shaam 5 baje aa jaunga           | 2026-11-26 | 17:00 | EVENING
            parso subah slot milega?             | 2026-11-27 |       | MORNING
            25/11 4pm                            | 2026-11-25 | 16:00 |
            Friday morning is fine               | 2026-11-27 |       | MORNING
            कल 11 बजे आ सकते हैं                   | 2026-11-26 | 11:00 |
            कल सुबह डॉक्टर से मिलना है             | 2026-11-26 |       | MORNING
            aaj 3:30                             | 2026-11-25 | 15:30 |
            tomorrow evening please              | 2026-11-26 |       | EVENING
            next monday                          | 2026-11-30 |       |
            25 nov                               | 2026-11-25 |       |
            25th November at 11am                | 2026-11-25 | 11:00 |
            book for 3rd december                | 2026-12-03 |       |
            10/11 ko aaunga                      | 2027-11-10 |       |
            26-11-2026 10:30 am                  | 2026-11-26 | 10:30 |
            aaj raat 8 baje                      | 2026-11-25 | 20:00 | NIGHT
            kal dopahar 2 baje                   | 2026-11-26 | 14:00 | AFTERNOON
            subah 11 baje                        | 2026-11-25 | 11:00 | MORNING
            5 baje aaunga                        | 2026-11-25 | 17:00 |
            at 9 tomorrow                        | 2026-11-26 | 09:00 |
            शनिवार को टेस्ट ड्राइव                   | 2026-11-28 |       |
            wednesday evening                    | 2026-11-25 |       | EVENING
            naalaiku kaalaila varalaama          | 2026-11-26 |       | MORNING
            ನಾಳೆ ಬೆಳಿಗ್ಗೆ ಅಪಾಯಿಂಟ್ಮೆಂಟ್                | 2026-11-26 |       | MORNING
            আজ সন্ধ্যায় স্লট আছে?                    | 2026-11-25 |       | EVENING
            15 tarikh ko hall chahiye             | 2026-12-15 |       |
            day after tomorrow 6pm               | 2026-11-27 | 18:00 |
            """)
    void resolvesDateTimePhrases(String text, LocalDate date, LocalTime time, PartOfDay part) {
        Optional<DateTimeMention> mention = extractor.extract(text, NOW);
        assertThat(mention).as(text).isPresent();
        assertThat(mention.get().date()).as("date of " + text).isEqualTo(date);
        assertThat(mention.get().time()).as("time of " + text).isEqualTo(time);
        assertThat(mention.get().partOfDay()).as("part of day of " + text).isEqualTo(part);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            is hafte appointment chahiye | 2026-11-25 | 2026-11-29
            next week koi slot?          | 2026-11-30 | 2026-12-06
            agle hafte aaunga            | 2026-11-30 | 2026-12-06
            this weekend free?           | 2026-11-28 | 2026-11-29
            """)
    void resolvesRanges(String text, LocalDate from, LocalDate until) {
        DateTimeMention mention = extractor.extract(text, NOW).orElseThrow();
        assertThat(mention.date()).isEqualTo(from);
        assertThat(mention.until()).isEqualTo(until);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"500 pcs paper bag ka rate", "order 4521 kab aayega", "payment done UTR 412398765432", "ok ji", "thanks",
        "call me on 9876543210", "size 12x10x8"})
    void findsNothingWhereNoDateIsMeant(String text) {
        assertThat(extractor.extract(text, NOW)).as(text).isEmpty();
    }

    @Test
    void earliestStartUsesTheTimeOrTheStartOfThePartOfDay() {
        assertThat(extractor.extract("kal shaam 5 baje", NOW).orElseThrow().earliestStart(KOLKATA))
                .isEqualTo(ZonedDateTime.of(2026, 11, 26, 17, 0, 0, 0, KOLKATA));
        DateTimeMention morning = extractor.extract("parso subah", NOW).orElseThrow();
        assertThat(morning.earliestStart(KOLKATA)).isEqualTo(ZonedDateTime.of(2026, 11, 27, 9, 0, 0, 0, KOLKATA));
        assertThat(morning.latestEnd(KOLKATA)).isEqualTo(ZonedDateTime.of(2026, 11, 27, 12, 0, 0, 0, KOLKATA));
    }

    @Test
    void aPartOfDayAlreadyOverMeansTomorrow() {
        ZonedDateTime lateEvening = NOW.withHour(21);
        assertThat(extractor.extract("evening slot?", lateEvening).orElseThrow().date()).isEqualTo(LocalDate.of(2026, 11, 26));
    }
}
