package com.whatsappflux.lead;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.whatsappflux.intent.DateTimeMention;
import com.whatsappflux.intent.Entities;

/**
 * Reads a customer's reply to a qualification question: a tapped option, or free text ("2 lakh", "50k",
 * "next week", "kal", "560034"). A reply that is a question of its own (and not a usable answer) is reported as
 * such so the diagram can hand it to sales instead of ignoring it.
 */
final class AnswerReader {

    static final BigDecimal TEN_K = new BigDecimal("10000");
    static final BigDecimal FIFTY_K = new BigDecimal("50000");

    record Reading(String kind, String text, String value) {
        boolean isQuestion() {
            return LeadProcess.QUESTION.equals(kind);
        }
    }

    private static final Pattern QUESTION = Pattern.compile(
            "\\?|^(what|how|why|do you|does|can you|can i|is there|is it|are you|where|when|which|kya|kitna|kitne|kab|kaise|kahan|kaun)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AMOUNT = Pattern.compile(
            "(?:₹|rs\\.?|inr)?\\s*([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*(lakhs?|lacs?|lac|l|k|thousand|hazaa?r|cr|crores?)?\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PINCODE = Pattern.compile("\\b([1-9][0-9]{5})\\b");
    private static final Pattern TODAY = Pattern.compile("\\b(today|now|right away|urgent|asap|aaj|abhi|turant|inniku|indru)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern THIS_WEEK = Pattern.compile(
            "\\b(this week|tomorrow|kal|parso|in a few days|2-3 days|weekend|is hafte|isi hafte|next few days|naale|next week|agle hafte)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LATER = Pattern.compile(
            "\\b(later|next month|not sure|no hurry|someday|baad mein|agle mahine|just checking)\\b",
            Pattern.CASE_INSENSITIVE);

    private AnswerReader() {
    }

    static Reading read(QualificationQuestion question, String text, String replyId, Entities entities, LocalDate today) {
        String body = text == null ? "" : text.trim();
        if (replyId != null) {
            Optional<QualificationQuestion.Option> tapped = question.options().stream()
                    .filter(o -> replyId.equals(o.id())).findFirst();
            if (tapped.isPresent()) {
                return answer(body.isEmpty() ? tapped.get().title() : body, tapped.get().value());
            }
            if (replyId.startsWith(AskQualificationQuestionDelegate.NEED_ROW_PREFIX)) {
                return answer(body, replyId.substring(AskQualificationQuestionDelegate.NEED_ROW_PREFIX.length()));
            }
        }
        boolean asks = QUESTION.matcher(body).find();
        String typedOption = matchOptionTitle(question, body);
        if (typedOption != null) {
            return answer(body, typedOption); // typed the button's words instead of tapping it
        }
        String value = switch (question.answerType()) {
            case "budget" -> budgetBand(body, entities);
            case "timeline" -> timeline(body, entities, today);
            case "location" -> location(body, entities, asks);
            default -> body.isEmpty() ? null : body;
        };
        boolean structured = "budget".equals(question.answerType()) || "timeline".equals(question.answerType())
                || "location".equals(question.answerType());
        if (asks && structured && value == null) {
            return new Reading(LeadProcess.QUESTION, body, null);
        }
        return answer(body, value == null ? LeadProcess.UNKNOWN : value);
    }

    static boolean looksLikeQuestion(String text) {
        return text != null && QUESTION.matcher(text.trim()).find();
    }

    private static Reading answer(String text, String value) {
        return new Reading(LeadProcess.ANSWER, text, value);
    }

    static String budgetBand(String text, Entities entities) {
        BigDecimal amount = entities != null && !entities.amounts().isEmpty() ? entities.amounts().get(0) : amount(text);
        if (amount == null) {
            return null;
        }
        String t = text.toLowerCase(Locale.ROOT);
        boolean upTo = t.matches("(?s).*\\b(under|below|less than|within|max|kam)\\b.*");
        boolean over = t.matches("(?s).*\\b(above|over|more than|zyada|plus)\\b.*");
        if (amount.compareTo(TEN_K) < 0 || (upTo && amount.compareTo(TEN_K) == 0)) {
            return "under_10k";
        }
        if (amount.compareTo(FIFTY_K) > 0 || (over && amount.compareTo(FIFTY_K) == 0)) {
            return "above_50k";
        }
        return "10k_50k";
    }

    /** "2 lakh" → 200000, "50k" → 50000, "₹15,000" → 15000; a bare small number (a quantity) is not an amount. */
    static BigDecimal amount(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = AMOUNT.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String digits = m.group(1).replace(",", "");
            if (digits.isEmpty() || digits.equals(".")) {
                continue;
            }
            BigDecimal value = new BigDecimal(digits);
            String unit = m.group(2);
            boolean currency = m.group(0).matches("(?s)\\s*(₹|rs|inr).*");
            if (unit != null) {
                String u = unit.toLowerCase(Locale.ROOT);
                if (u.startsWith("l")) {
                    value = value.multiply(new BigDecimal("100000"));
                } else if (u.startsWith("c")) {
                    value = value.multiply(new BigDecimal("10000000"));
                } else {
                    value = value.multiply(new BigDecimal("1000"));
                }
                return value;
            }
            if (currency || value.compareTo(new BigDecimal("500")) >= 0) {
                return value;
            }
        }
        return null;
    }

    static String timeline(String text, Entities entities, LocalDate today) {
        if (TODAY.matcher(text).find()) {
            return "today";
        }
        if (LATER.matcher(text).find()) {
            return "later";
        }
        if (THIS_WEEK.matcher(text).find()) {
            return "this_week";
        }
        List<DateTimeMention> dates = entities == null ? List.of() : entities.dateTimes();
        if (!dates.isEmpty() && dates.get(0).date() != null) {
            long days = ChronoUnit.DAYS.between(today, dates.get(0).date());
            return days <= 0 ? "today" : days <= 7 ? "this_week" : "later";
        }
        return null;
    }

    static String location(String text, Entities entities, boolean asks) {
        if (entities != null && !entities.pincodes().isEmpty()) {
            return entities.pincodes().get(0);
        }
        Matcher pin = PINCODE.matcher(text);
        if (pin.find()) {
            return pin.group(1);
        }
        if (asks || text.isBlank()) {
            return null;
        }
        return text.length() > 100 ? text.substring(0, 100) : text; // a city name
    }

    private static String matchOptionTitle(QualificationQuestion question, String text) {
        String typed = text.replace('–', '-').trim();
        return question.options().stream().filter(o -> o.title() != null
                        && o.title().replace('–', '-').equalsIgnoreCase(typed))
                .map(QualificationQuestion.Option::value).findFirst().orElse(null);
    }
}
