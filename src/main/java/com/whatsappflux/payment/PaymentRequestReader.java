package com.whatsappflux.payment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.whatsappflux.whatsapp.InboundType;

/**
 * What a customer's payment message asks for, and which of their invoices it is about.
 * Kinds: claim ("paid, UTR …"), dispute, problem (failed / deducted twice), resend, balance.
 */
@Component
public class PaymentRequestReader {

    public record Request(String kind, String reference, BigDecimal amount) {
    }

    private static final Pattern DISPUTE = Pattern.compile(
            "wrong|incorrect|never (got|received)|not (got|received) the|didn'?t (get|receive)|dispute|galat|nahi mila|overcharg");
    private static final Pattern PROBLEM = Pattern.compile(
            "fail|twice|double|two times|2 times|deducted|debited|refund|declined|stuck|pending|cut twice|do baar");
    private static final Pattern RESEND = Pattern.compile(
            "send (the |me )?(invoice|bill)|invoice again|bill again|resend|copy of (the )?(invoice|bill)|invoice bhej|bill bhej");
    private static final Pattern BALANCE = Pattern.compile("how much|due|outstanding|balance|kitna|pending amount|total");
    private static final Pattern UTR = Pattern.compile("(?i)(?:utr|ref(?:erence)?|txn|transaction)\\s*(?:no\\.?|number|id)?\\s*[:#-]?\\s*([A-Za-z0-9]{8,30})|\\b(\\d{12})\\b");
    private static final Pattern AMOUNT = Pattern.compile("(?:₹|rs\\.?|inr)\\s*([0-9][0-9,]*(?:\\.[0-9]{1,2})?)", Pattern.CASE_INSENSITIVE);

    private final ObjectMapper json;

    public PaymentRequestReader(ObjectMapper json) {
        this.json = json;
    }

    /** {@code messageType} as WhatsApp names it: a photo or PDF that says nothing else is a payment screenshot or receipt. */
    public Request read(String text, String messageType, String replyId, String entitiesJson) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
        String reference = first(entities(entitiesJson, "transactionIds")).or(() -> first(entities(entitiesJson, "utrs")))
                .orElseGet(() -> utr(text));
        BigDecimal amount = first(entities(entitiesJson, "amounts")).map(PaymentRequestReader::money).orElseGet(() -> amount(text));
        String kind;
        if (PaymentProcess.PAID.equals(replyId)) {
            kind = "claim";
        } else if (PaymentProcess.SEND_INVOICE.equals(replyId)) {
            kind = "resend";
        } else if (DISPUTE.matcher(t).find()) {
            kind = "dispute";
        } else if (PROBLEM.matcher(t).find()) {
            kind = "problem";
        } else if (RESEND.matcher(t).find()) {
            kind = "resend";
        } else if (reference != null || t.matches(".*\\b(paid|payment done|transferred|sent|ho gaya|kar diya|done)\\b.*")) {
            kind = "claim";
        } else if (BALANCE.matcher(t).find()) {
            kind = "balance";
        } else if (InboundType.IMAGE.code().equals(messageType) || InboundType.DOCUMENT.code().equals(messageType)) {
            kind = "claim";
        } else {
            kind = "balance"; // "payment" alone: show what is due
        }
        return new Request(kind, reference, amount);
    }

    /** Picks the invoice meant: named in the text, the only open one, or the only one whose balance matches. */
    public List<Invoice> match(String text, BigDecimal amount, List<Invoice> open) {
        String t = text == null ? "" : text.toUpperCase(Locale.ROOT);
        List<Invoice> named = open.stream().filter(i -> t.contains(i.number().toUpperCase(Locale.ROOT))).toList();
        if (named.size() == 1 || open.size() <= 1) {
            return named.size() == 1 ? named : open;
        }
        if (amount != null) {
            List<Invoice> byAmount = open.stream().filter(i -> i.balance().compareTo(amount) == 0
                    || i.amount().compareTo(amount) == 0).toList();
            if (byAmount.size() == 1) {
                return byAmount;
            }
        }
        return new ArrayList<>(open);
    }

    private List<String> entities(String entitiesJson, String key) {
        List<String> values = new ArrayList<>();
        if (entitiesJson == null || entitiesJson.isBlank()) {
            return values;
        }
        try {
            JsonNode node = json.readTree(entitiesJson).path(key);
            if (node.isArray()) {
                node.forEach(v -> values.add(v.isObject() ? v.path("value").asText() : v.asText()));
            }
        } catch (Exception ignored) {
            // entities are a hint; the text is read below anyway
        }
        return values;
    }

    private static Optional<String> first(List<String> values) {
        return values.stream().filter(v -> v != null && !v.isBlank()).findFirst();
    }

    static String utr(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = UTR.matcher(text);
        while (m.find()) {
            String value = m.group(1) != null ? m.group(1) : m.group(2);
            if (value != null && value.chars().anyMatch(Character::isDigit)) {
                return value;
            }
        }
        return null;
    }

    static BigDecimal amount(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = AMOUNT.matcher(text);
        return m.find() ? money(m.group(1)) : null;
    }

    private static BigDecimal money(String value) {
        try {
            return new BigDecimal(value.replaceAll("[^0-9.]", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
