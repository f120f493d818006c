package com.whatsappflux.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An order as the business's systems sent it (POST /api/orders or the CSV import). */
public record CustomerOrder(String number, String waId, String status, LocalDate expectedDelivery, String trackingUrl,
                            List<Item> items, Instant createdAt) {

    public record Item(String sku, String name, Integer quantity, BigDecimal unitPrice) {
    }
}
