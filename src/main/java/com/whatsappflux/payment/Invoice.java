package com.whatsappflux.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One invoice as stored in payment_invoice. Amounts in INR. */
public record Invoice(long id, String number, String waId, String customerName, BigDecimal amount, String currency,
                      LocalDate dueDate, String pdfUrl, String fileToken, String paymentLinkId, String paymentLinkUrl,
                      String status, BigDecimal paidAmount, Instant createdAt) {

    public static final String OPEN = "OPEN";
    public static final String PAID = "PAID";
    public static final String CLOSED = "CLOSED";

    public BigDecimal balance() {
        return amount.subtract(paidAmount).max(BigDecimal.ZERO);
    }

    public boolean open() {
        return OPEN.equals(status);
    }

    public record Item(String description, BigDecimal quantity, BigDecimal unitPrice) {
        public BigDecimal total() {
            return quantity.multiply(unitPrice);
        }
    }
}
