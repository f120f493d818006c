package com.whatsappflux.support;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

/**
 * Which order the customer means: the number they gave (the intake's {@code orderNumbers} entity or a number
 * in the text), else their only recent order. Several recent orders and no number: ask. Orders of other
 * customers are never revealed.
 */
@Service
public class OrderLookup {

    public static final String FOUND = "found";
    public static final String ASK_NUMBER = "ask_number";
    public static final String NOT_FOUND = "not_found";

    public record Result(String outcome, String orderNumber) {
    }

    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d])#?([A-Za-z]{0,4}-?\\d{3,12})(?!\\d)");

    private final OrderService orders;
    private final SupportSettings settings;

    public OrderLookup(OrderService orders, SupportSettings settings) {
        this.orders = orders;
        this.settings = settings;
    }

    public Result lookUp(String waId, String text, Map<String, Object> entities, boolean alreadyAsked) {
        Set<String> numbers = candidates(text, entities);
        for (String number : numbers) {
            Optional<CustomerOrder> order = orders.byNumber(number).filter(o -> o.waId().equals(waId));
            if (order.isPresent()) {
                return new Result(FOUND, order.get().number());
            }
        }
        if (!numbers.isEmpty()) {
            return new Result(NOT_FOUND, null); // a number we do not know for this customer: a person checks
        }
        List<CustomerOrder> recent = orders.recentForCustomer(waId, settings.recentOrderDays());
        if (recent.size() == 1) {
            return new Result(FOUND, recent.get(0).number());
        }
        return new Result(recent.size() > 1 && !alreadyAsked ? ASK_NUMBER : NOT_FOUND, null);
    }

    static Set<String> candidates(String text, Map<String, Object> entities) {
        Set<String> numbers = new LinkedHashSet<>();
        Object fromEntities = entities == null ? null : entities.get("orderNumbers");
        if (fromEntities instanceof Collection<?> c) {
            c.forEach(n -> numbers.add(n.toString().replace("#", "").trim()));
        }
        if (text != null) {
            Matcher m = NUMBER.matcher(text);
            while (m.find()) {
                String digits = m.group(1);
                if (digits.replaceAll("\\D", "").length() <= 8) { // longer runs are phone numbers
                    numbers.add(digits);
                }
            }
        }
        return numbers;
    }
}
