package com.whatsappflux.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Free-text answers in English, Hinglish and Hindi, and taps, read for each question the booking asks. */
class BookingAnswersTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, TestCalendars.IST);

    private final BookingAnswers answers = new BookingAnswers(new BookingRequestReader(new BookingSettings(null) {
        @Override
        public List<String> specialRequestWords() {
            return List.of("wheelchair", "urgent");
        }
    }));

    @ParameterizedTest(name = "{0}: {1} / {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            confirmation | CONFIRM            | Confirm                          | confirm
            confirmation | null               | haan theek hai                   | confirm
            confirmation | null               | ok book it                       | confirm
            confirmation | BOOKING_OTHER_TIMES| Other times                      | other
            confirmation | null               | nahi, friday evening             | other
            slot         | SLOT_1_1795611600  | Wed 25 Nov, 5:00 PM              | picked
            slot         | BOOKING_NONE_FITS  | None of these                    | none
            slot         | null               | What about Friday? Morning?      | none
            slot         | null               | need wheelchair access           | special
            appointment  | RESCHEDULE         | Reschedule                       | reschedule
            appointment  | CANCEL             | Cancel                           | cancel
            appointment  | CONFIRM            | Confirm                          | confirm
            appointment  | null               | time badalna hai, parso chalega  | reschedule
            appointment  | null               | main nahi aa paunga, cancel kar do | cancel
            appointment  | null               | अपॉइंटमेंट रद्द कर दीजिए             | cancel
            appointment  | null               | thank you                        | confirm
            service      | SERVICE_3          | AC service visit                 | service
            service      | null               | AC ki servicing                  | service
            service      | null               | kuch bhi                         | other
            """)
    void answerIsRead(String question, String replyId, String text, String meaning) {
        BookingAnswers.Answer answer = answers.read(question, replyId, text,
                List.of(TestCalendars.DEMO, TestCalendars.INSTALL, TestCalendars.AC), NOW);
        assertThat(answer.meaning()).isEqualTo(meaning);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            What about Friday? Morning?   | 2026-11-27 | MORNING
            nahi, friday evening          | 2026-11-27 | EVENING
            """)
    void newPreferenceIsCarried(String text, String date, String partOfDay) {
        BookingAnswers.Answer answer = answers.read("slot", null, text, List.of(TestCalendars.DEMO), NOW);
        assertThat(answer.newPreference().date()).hasToString(date);
        assertThat(answer.newPreference().partOfDay()).isEqualTo(partOfDay);
    }
}
