package com.whatsappflux.support;

import java.sql.Time;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.whatsappflux.business.BusinessProfile;
import com.whatsappflux.business.BusinessProfileService;
import com.whatsappflux.conversation.ReplyTexts;
import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.system.Database;

/** Composes the automatic answers from the business's own data, in the customer's language (messages/replies*). */
@Service
public class SupportAnswers {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

    private final ReplyTexts texts;
    private final OrderService orders;
    private final ProductCatalogue catalogue;
    private final KnowledgeBase knowledgeBase;
    private final BusinessProfileService profiles;
    private final Database db;
    private final BusinessClock clock;

    public SupportAnswers(ReplyTexts texts, OrderService orders, ProductCatalogue catalogue, KnowledgeBase knowledgeBase,
                          BusinessProfileService profiles, Database db, BusinessClock clock) {
        this.texts = texts;
        this.orders = orders;
        this.catalogue = catalogue;
        this.knowledgeBase = knowledgeBase;
        this.profiles = profiles;
        this.db = db;
        this.clock = clock;
    }

    public String orderStatus(String orderNumber, String language) {
        CustomerOrder order = orders.byNumber(orderNumber).orElseThrow(() -> new IllegalStateException("order " + orderNumber));
        StringBuilder text = new StringBuilder(texts.get(language, "support.order.status", order.number(),
                texts.get(language, "support.order.state." + order.status())));
        if (!order.items().isEmpty()) {
            text.append('\n').append(texts.get(language, "support.order.items",
                    order.items().stream().map(i -> i.quantity() + " × " + i.name()).collect(Collectors.joining(", "))));
        }
        if (order.expectedDelivery() != null && !List.of("DELIVERED", "CANCELLED", "RETURNED").contains(order.status())) {
            text.append('\n').append(texts.get(language, "support.order.expected", order.expectedDelivery().format(DATE)));
        }
        if (order.trackingUrl() != null) {
            text.append('\n').append(texts.get(language, "support.order.tracking", order.trackingUrl()));
        }
        return text.toString();
    }

    /** The question when a customer has several recent orders: the list to pick from. */
    public String askOrderNumber(String waId, int recentDays, String language) {
        String list = orders.recentForCustomer(waId, recentDays).stream().limit(5)
                .map(o -> "#" + o.number() + (o.items().isEmpty() ? "" : " – " + o.items().get(0).name()))
                .collect(Collectors.joining("\n"));
        return texts.get(language, "support.order.askNumber", list);
    }

    public String businessDetails(String language) {
        BusinessProfile p = profiles.profile();
        List<String> lines = new ArrayList<>();
        lines.add(texts.get(language, "support.business.intro", p.name()));
        if (p.address() != null) {
            lines.add("📍 " + p.address());
        }
        if (p.mapUrl() != null) {
            lines.add("🗺️ " + p.mapUrl());
        }
        if (p.phone() != null) {
            lines.add("📞 " + p.phone());
        }
        List<String> hours = db.jdbc().query("SELECT day_of_week, opens_at, closes_at FROM business_hours ORDER BY day_of_week",
                (rs, i) -> {
                    String day = texts.get(language, "support.day." + rs.getInt(1));
                    Time opens = rs.getTime(2);
                    Time closes = rs.getTime(3);
                    return day + ": " + (opens == null || closes == null ? texts.get(language, "support.business.closed")
                            : opens.toLocalTime().format(TIME) + " – " + closes.toLocalTime().format(TIME));
                });
        if (!hours.isEmpty()) {
            lines.add("");
            lines.add(texts.get(language, "support.business.hours"));
            lines.addAll(hours);
        }
        List<String> holidays = db.jdbc().query("SELECT holiday_date, name FROM business_holiday WHERE holiday_date >= ? "
                + "ORDER BY holiday_date", (rs, i) -> rs.getDate(1).toLocalDate().format(DATE) + " (" + rs.getString(2) + ")",
                java.sql.Date.valueOf(clock.nowInZone().toLocalDate()));
        if (!holidays.isEmpty()) {
            lines.add(texts.get(language, "support.business.holidays",
                    String.join(", ", holidays.subList(0, Math.min(3, holidays.size())))));
        }
        return String.join("\n", lines);
    }

    /** Stock, price and variants of the product the customer names; alternatives when it is out of stock. */
    public Optional<String> availability(String question, String language) {
        return catalogue.mentionedIn(question).map(p -> {
            if (p.stock() > 0) {
                String text = texts.get(language, "support.availability.inStock", p.name(), rupees(p.price()),
                        p.unit() == null ? "piece" : p.unit());
                return p.variants() == null ? text
                        : text + "\n" + texts.get(language, "support.availability.variants", p.variants().replace(",", ", "));
            }
            List<ProductCatalogue.Product> alternatives = catalogue.alternativesTo(p);
            String text = texts.get(language, "support.availability.outOfStock", p.name());
            return alternatives.isEmpty() ? text : text + "\n" + texts.get(language, "support.availability.alternatives",
                    alternatives.stream().map(a -> a.name() + " (₹" + rupees(a.price()) + ")").collect(Collectors.joining(", ")));
        });
    }

    public Optional<String> faq(String question, String language) {
        return knowledgeBase.answer(question, language).map(KnowledgeBase.Answer::text);
    }

    private static String rupees(java.math.BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag("en-IN"));
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }
}
