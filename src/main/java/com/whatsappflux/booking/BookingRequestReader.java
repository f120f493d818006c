package com.whatsappflux.booking;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import com.whatsappflux.intent.DateTimeExtractor;
import com.whatsappflux.intent.DateTimeMention;

/**
 * Reads a booking request or answer in free text (English, Hinglish, Hindi): which service, when
 * (through the intent feature's {@link DateTimeExtractor}), and whether it is a special request.
 */
@Component
public class BookingRequestReader {

    /** Words too common in service names to tell services apart. */
    private static final Set<String> GENERIC = Set.of("visit", "service", "at", "the", "and", "for", "with", "store", "home",
            "appointment", "booking", "of", "a", "an", "in");

    private final DateTimeExtractor extractor;
    private final BookingSettings settings;
    private final ObjectMapper json = new ObjectMapper();

    public BookingRequestReader(BookingSettings settings) {
        this.extractor = new DateTimeExtractor();
        this.settings = settings;
    }

    /** The date/time preference in the text (resolved against now in the business zone), or nothing. */
    public Optional<PreferredTime> preference(String text, ZonedDateTime now) {
        return extractor.extract(text, now).map(BookingRequestReader::toPreference);
    }

    /** The preference from the intake's entities JSON (key dateTimes), else from the text. */
    public PreferredTime preference(String text, String entitiesJson, ZonedDateTime now) {
        Optional<PreferredTime> fromEntities = fromEntities(entitiesJson);
        return fromEntities.or(() -> preference(text, now)).orElse(PreferredTime.ANY);
    }

    static PreferredTime toPreference(DateTimeMention m) {
        return new PreferredTime(m.date(), m.until(), m.time(), m.partOfDay() == null ? null : m.partOfDay().name());
    }

    /** The one service the text names; empty when none or several match. */
    public Optional<BusinessCalendar.Service> service(String text, List<BusinessCalendar.Service> services) {
        if (services.size() == 1) {
            return Optional.of(services.get(0));
        }
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<BusinessCalendar.Service> best = new ArrayList<>();
        int bestScore = 0;
        for (BusinessCalendar.Service service : services) {
            int score = 0;
            for (String word : (service.name() + " " + service.code().replace('_', ' ').replace('-', ' ')).toLowerCase(Locale.ROOT)
                    .split("[^\\p{L}\\p{N}]+")) {
                if (word.length() >= 2 && !GENERIC.contains(word) && containsWord(lower, word)) {
                    score++;
                }
            }
            if (score > bestScore) {
                best.clear();
                bestScore = score;
            }
            if (score == bestScore && score > 0) {
                best.add(service);
            }
        }
        return best.size() == 1 ? Optional.of(best.get(0)) : Optional.empty();
    }

    public boolean isSpecialRequest(String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return settings.specialRequestWords().stream().anyMatch(w -> lower.contains(w.toLowerCase(Locale.ROOT)));
    }

    private static boolean containsWord(String text, String word) {
        int i = text.indexOf(word);
        while (i >= 0) {
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            int end = i + word.length();
            // allow simple plurals/inflections: "installations", "demos"
            boolean endOk = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)) || word.length() >= 4;
            if (startOk && endOk) {
                return true;
            }
            i = text.indexOf(word, i + 1);
        }
        return false;
    }

    private Optional<PreferredTime> fromEntities(String entitiesJson) {
        if (entitiesJson == null || entitiesJson.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode first = json.readTree(entitiesJson).path("dateTimes").path(0);
            if (first.isMissingNode() || !first.isObject()) {
                return Optional.empty();
            }
            PreferredTime p = new PreferredTime(date(first, "date"), date(first, "until"),
                    first.hasNonNull("time") ? LocalTime.parse(first.get("time").asText()) : null,
                    first.hasNonNull("partOfDay") ? first.get("partOfDay").asText() : null);
            return p.isEmpty() ? Optional.empty() : Optional.of(p);
        } catch (Exception unreadable) {
            return Optional.empty(); // fall back to reading the text
        }
    }

    private static LocalDate date(JsonNode node, String field) {
        return node.hasNonNull(field) ? LocalDate.parse(node.get(field).asText()) : null;
    }
}
