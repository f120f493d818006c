package com.whatsappflux.intent;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link EntityExtractor} found in a message, one list per type (in order of appearance).
 *
 * @param amounts        INR amounts ("₹4,500", "4.5k", "2 lakh", "1.2 cr")
 * @param transactionIds UPI references (12 digits) and NEFT/IMPS UTRs (16–22 alphanumerics), upper case, no spaces
 * @param orderNumbers   order references as written after "order"/"ऑर्डर" ("4521", "A-1029")
 * @param quantities     quantities with a unit
 * @param phones         Indian mobiles as 91XXXXXXXXXX
 * @param emails         e-mail addresses, lower case
 * @param pincodes       6-digit postal codes
 * @param dateTimes      at most one resolved date/time mention
 */
public record Entities(List<BigDecimal> amounts, List<String> transactionIds, List<String> orderNumbers,
                       List<Quantity> quantities, List<String> phones, List<String> emails, List<String> pincodes,
                       List<DateTimeMention> dateTimes) {

    public static final Entities NONE = new Entities(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of());

    public boolean isEmpty() {
        return amounts.isEmpty() && transactionIds.isEmpty() && orderNumbers.isEmpty() && quantities.isEmpty()
                && phones.isEmpty() && emails.isEmpty() && pincodes.isEmpty() && dateTimes.isEmpty();
    }

    /** JSON-friendly view; only the types that were found appear. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfAny(map, "amounts", amounts);
        putIfAny(map, "transactionIds", transactionIds);
        putIfAny(map, "orderNumbers", orderNumbers);
        if (!quantities.isEmpty()) {
            map.put("quantities", quantities.stream().map(q -> Map.of("value", q.value(), "unit", q.unit())).toList());
        }
        putIfAny(map, "phones", phones);
        putIfAny(map, "emails", emails);
        putIfAny(map, "pincodes", pincodes);
        if (!dateTimes.isEmpty()) {
            map.put("dateTime", dateTimes.get(0).toMap());
        }
        return map;
    }

    private static void putIfAny(Map<String, Object> map, String key, List<?> values) {
        if (!values.isEmpty()) {
            map.put(key, values);
        }
    }
}
