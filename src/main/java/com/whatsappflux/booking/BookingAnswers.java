package com.whatsappflux.booking;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * What the customer's answer means for the question the booking asked: a tapped row/button decides;
 * free text is read for yes/no, reschedule/cancel words (English, Hinglish, Hindi), a service name or a new
 * date/time ("What about Friday? Morning?" becomes a new search, ending the ping-pong).
 */
@Component
public class BookingAnswers {

    private static final List<String> YES = List.of("yes", "haan", "han", "ok", "okay", "confirm", "done", "sure",
            "theek", "thik", "sahi", "pakka", "हाँ", "हां", "ठीक", "पक्का", "जी");
    private static final List<String> RESCHEDULE = List.of("reschedule", "re-schedule", "change", "postpone", "prepone",
            "another time", "another day", "badal", "shift", "dusra time", "doosra", "बदल", "दूसरा");
    private static final List<String> CANCEL = List.of("cancel", "radd", "nahi aa", "nahin aa", "won't come", "wont come",
            "can't come", "cant come", "not coming", "रद्द", "कैंसल", "नहीं आ");

    /** The meaning of one answer plus what it carries (the picked slot, the chosen service, a new preference). */
    public record Answer(String meaning, String pickedSlot, Long serviceId, PreferredTime newPreference) {
        static Answer of(String meaning) {
            return new Answer(meaning, null, null, null);
        }
    }

    private final BookingRequestReader reader;

    public BookingAnswers(BookingRequestReader reader) {
        this.reader = reader;
    }

    public Answer read(String question, String replyId, String replyText, List<BusinessCalendar.Service> services,
                       ZonedDateTime now) {
        String text = replyText == null ? "" : replyText.toLowerCase(Locale.ROOT).trim();
        Optional<PreferredTime> when = replyId == null ? reader.preference(replyText, now) : Optional.empty();
        return switch (question) {
            case "service" -> service(replyId, replyText, services);
            case "slot" -> slot(replyId, replyText, when);
            case "confirmation" -> BookingProcess.BUTTON_CONFIRM.equals(replyId) || (replyId == null && any(text, YES)
                    && !any(text, CANCEL) && when.isEmpty())
                    ? Answer.of(BookingProcess.ANSWER_CONFIRM) : new Answer(BookingProcess.ANSWER_OTHER, null, null, when.orElse(null));
            default -> appointment(replyId, text, when);
        };
    }

    /** Whether free text asks to move an appointment ("reschedule", "time badalna hai", "समय बदलना है"). */
    public boolean isRescheduleRequest(String text) {
        return text != null && !any(text.toLowerCase(Locale.ROOT), CANCEL) && any(text.toLowerCase(Locale.ROOT), RESCHEDULE);
    }

    private Answer service(String replyId, String replyText, List<BusinessCalendar.Service> services) {
        if (replyId != null && replyId.startsWith(BookingProcess.ROW_SERVICE_PREFIX)) {
            long id = Long.parseLong(replyId.substring(BookingProcess.ROW_SERVICE_PREFIX.length()));
            if (services.stream().anyMatch(s -> s.id() == id)) {
                return new Answer(BookingProcess.ANSWER_SERVICE, null, id, null);
            }
        }
        return reader.service(replyText, services).map(s -> new Answer(BookingProcess.ANSWER_SERVICE, null, s.id(), null))
                .orElse(Answer.of(BookingProcess.ANSWER_OTHER));
    }

    private Answer slot(String replyId, String replyText, Optional<PreferredTime> when) {
        if (replyId != null && replyId.startsWith("SLOT_")) {
            return new Answer(BookingProcess.ANSWER_PICKED, replyId, null, null);
        }
        if (reader.isSpecialRequest(replyText)) {
            return Answer.of(BookingProcess.ANSWER_SPECIAL);
        }
        return new Answer(BookingProcess.ANSWER_NONE, null, null, when.orElse(null));
    }

    private Answer appointment(String replyId, String text, Optional<PreferredTime> when) {
        if (BookingProcess.BUTTON_RESCHEDULE.equals(replyId)) {
            return Answer.of(BookingProcess.ANSWER_RESCHEDULE);
        }
        if (BookingProcess.BUTTON_CANCEL.equals(replyId)) {
            return Answer.of(BookingProcess.ANSWER_CANCEL);
        }
        if (replyId == null && any(text, CANCEL)) {
            return Answer.of(BookingProcess.ANSWER_CANCEL);
        }
        if (replyId == null && (any(text, RESCHEDULE) || when.isPresent())) {
            return new Answer(BookingProcess.ANSWER_RESCHEDULE, null, null, when.orElse(null));
        }
        return Answer.of(BookingProcess.ANSWER_CONFIRM);
    }

    /** Words starting at a word boundary ("ok" is not in "book"; "nahi aa" matches "nahi aaunga"). */
    private static boolean any(String text, List<String> words) {
        return words.stream().anyMatch(w -> java.util.regex.Pattern.compile("(?<![\\p{L}\\p{M}])" + java.util.regex.Pattern.quote(w.trim()))
                .matcher(text).find());
    }
}
