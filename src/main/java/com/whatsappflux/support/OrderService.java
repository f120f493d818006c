package com.whatsappflux.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.system.Database;

/** The orders table: upsert by number (API and CSV import) and the look-ups support needs. */
@Service
public class OrderService {

    static final Set<String> STATUSES = Set.of("PLACED", "CONFIRMED", "PACKED", "SHIPPED", "OUT_FOR_DELIVERY", "DELIVERED",
            "CANCELLED", "RETURNED");

    private final Database db;
    private final BusinessClock clock;

    public OrderService(Database db, BusinessClock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Inserts or replaces the order with this number; answers whether it was new. */
    @Transactional
    public boolean upsert(CustomerOrder order) {
        validate(order);
        Timestamp now = Timestamp.from(clock.now());
        Date expected = order.expectedDelivery() == null ? null : Date.valueOf(order.expectedDelivery());
        List<Long> existing = db.jdbc().queryForList("SELECT id FROM customer_order WHERE order_number = ?", Long.class,
                order.number());
        long id;
        if (existing.isEmpty()) {
            id = db.insertReturningId("INSERT INTO customer_order (order_number, wa_id, status, expected_delivery, tracking_url, "
                    + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", order.number(), order.waId(),
                    order.status().toUpperCase(Locale.ROOT), expected, order.trackingUrl(), now, now);
        } else {
            id = existing.get(0);
            db.jdbc().update("UPDATE customer_order SET wa_id = ?, status = ?, expected_delivery = ?, tracking_url = ?, "
                    + "updated_at = ? WHERE id = ?", order.waId(), order.status().toUpperCase(Locale.ROOT), expected,
                    order.trackingUrl(), now, id);
            db.jdbc().update("DELETE FROM customer_order_item WHERE order_id = ?", id);
        }
        for (CustomerOrder.Item item : order.items() == null ? List.<CustomerOrder.Item>of() : order.items()) {
            db.jdbc().update("INSERT INTO customer_order_item (order_id, sku, name, quantity, unit_price) VALUES (?, ?, ?, ?, ?)",
                    id, item.sku(), item.name(), item.quantity() == null ? 1 : item.quantity(), item.unitPrice());
        }
        return existing.isEmpty();
    }

    /**
     * CSV with a header row: {@code number,waId,status,expectedDelivery,trackingUrl,sku,itemName,quantity,unitPrice};
     * one row per item, rows of one order share the number. Answers the number of orders imported.
     */
    @Transactional
    public int importCsv(String csv) {
        Map<String, CustomerOrder> orders = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(csv))) {
            String header = reader.readLine();
            if (header == null) {
                return 0;
            }
            List<String> columns = List.of(header.trim().split("\\s*,\\s*"));
            String line;
            int row = 1;
            while ((line = reader.readLine()) != null) {
                row++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                Map<String, String> r = new LinkedHashMap<>();
                for (int i = 0; i < columns.size() && i < cells.length; i++) {
                    r.put(columns.get(i), cells[i].trim().isEmpty() ? null : cells[i].trim());
                }
                if (r.get("number") == null || r.get("waId") == null || r.get("status") == null) {
                    throw new IllegalArgumentException("CSV row " + row + ": number, waId and status are required");
                }
                CustomerOrder order = orders.computeIfAbsent(r.get("number"), n -> new CustomerOrder(n, r.get("waId"),
                        r.get("status"), r.get("expectedDelivery") == null ? null : LocalDate.parse(r.get("expectedDelivery")),
                        r.get("trackingUrl"), new ArrayList<>(), null));
                if (r.get("itemName") != null) {
                    order.items().add(new CustomerOrder.Item(r.get("sku"), r.get("itemName"),
                            r.get("quantity") == null ? 1 : Integer.valueOf(r.get("quantity")),
                            r.get("unitPrice") == null ? null : new BigDecimal(r.get("unitPrice"))));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        orders.values().forEach(this::upsert);
        return orders.size();
    }

    public Optional<CustomerOrder> byNumber(String number) {
        return db.jdbc().query("SELECT * FROM customer_order WHERE order_number = ?", (rs, i) -> new CustomerOrder(
                rs.getString("order_number"), rs.getString("wa_id"), rs.getString("status"),
                rs.getDate("expected_delivery") == null ? null : rs.getDate("expected_delivery").toLocalDate(),
                rs.getString("tracking_url"), items(rs.getLong("id")), rs.getTimestamp("created_at").toInstant()),
                number).stream().findFirst();
    }

    /** The customer's orders, newest first. */
    public List<CustomerOrder> forCustomer(String waId) {
        return db.jdbc().queryForList("SELECT order_number FROM customer_order WHERE wa_id = ? ORDER BY created_at DESC",
                String.class, waId).stream().map(n -> byNumber(n).orElseThrow()).toList();
    }

    /** Orders placed within {@code days}, or still on their way. */
    public List<CustomerOrder> recentForCustomer(String waId, int days) {
        var since = clock.now().minus(Duration.ofDays(days));
        return forCustomer(waId).stream()
                .filter(o -> o.createdAt().isAfter(since) || !Set.of("DELIVERED", "CANCELLED", "RETURNED").contains(o.status()))
                .toList();
    }

    private List<CustomerOrder.Item> items(long orderId) {
        return db.jdbc().query("SELECT sku, name, quantity, unit_price FROM customer_order_item WHERE order_id = ? ORDER BY id",
                (rs, i) -> new CustomerOrder.Item(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4)), orderId);
    }

    private static void validate(CustomerOrder order) {
        if (order.number() == null || order.number().isBlank()) {
            throw new IllegalArgumentException("number is required");
        }
        if (order.waId() == null || !order.waId().matches("\\d{8,15}")) {
            throw new IllegalArgumentException("waId must be digits with country code, e.g. 919812345678");
        }
        if (order.status() == null || !STATUSES.contains(order.status().toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("status must be one of " + STATUSES);
        }
    }
}
