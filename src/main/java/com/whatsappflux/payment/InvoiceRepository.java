package com.whatsappflux.payment;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Repository;

import com.whatsappflux.system.Database;

/** payment_invoice and friends (V20). */
@Repository
public class InvoiceRepository {

    private static final String COLUMNS = "id, invoice_number, wa_id, customer_name, amount, currency, due_date, pdf_url, "
            + "file_token, payment_link_id, payment_link_url, status, paid_amount, created_at";

    private final Database db;

    public InvoiceRepository(Database db) {
        this.db = db;
    }

    public long insert(String number, String waId, String customerName, BigDecimal amount, String currency,
                       java.time.LocalDate dueDate, String pdfUrl, String fileToken, Instant now) {
        return db.insertReturningId("INSERT INTO payment_invoice (invoice_number, wa_id, customer_name, amount, currency, "
                + "due_date, pdf_url, file_token, status, paid_amount, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", number, waId, customerName, amount, currency,
                Date.valueOf(dueDate), pdfUrl, fileToken, Invoice.OPEN, BigDecimal.ZERO, Timestamp.from(now), Timestamp.from(now));
    }

    public void insertItem(long invoiceId, int lineNo, Invoice.Item item) {
        db.jdbc().update("INSERT INTO payment_invoice_item (invoice_id, line_no, description, quantity, unit_price) "
                + "VALUES (?, ?, ?, ?, ?)", invoiceId, lineNo, item.description(), item.quantity(), item.unitPrice());
    }

    public boolean exists(String number) {
        Integer n = db.jdbc().queryForObject("SELECT COUNT(*) FROM payment_invoice WHERE invoice_number = ?", Integer.class, number);
        return n != null && n > 0;
    }

    public Optional<Invoice> find(String number) {
        return one("invoice_number = ?", number);
    }

    public Optional<Invoice> findByToken(String token) {
        return one("file_token = ?", token);
    }

    public Optional<Invoice> findByPaymentLink(String paymentLinkId) {
        return one("payment_link_id = ?", paymentLinkId);
    }

    public List<Invoice> openFor(String waId) {
        return db.jdbc().query("SELECT " + COLUMNS + " FROM payment_invoice WHERE wa_id = ? AND status = ? "
                + "ORDER BY due_date, id", this::map, waId, Invoice.OPEN);
    }

    public Optional<Invoice> latestPaidFor(String waId, Instant since) {
        return db.jdbc().query("SELECT " + COLUMNS + " FROM payment_invoice WHERE wa_id = ? AND status = ? AND updated_at >= ? "
                + "ORDER BY updated_at DESC", this::map, waId, Invoice.PAID, Timestamp.from(since)).stream().findFirst();
    }

    public List<Invoice.Item> items(long invoiceId) {
        return db.jdbc().query("SELECT description, quantity, unit_price FROM payment_invoice_item WHERE invoice_id = ? "
                + "ORDER BY line_no", (rs, i) -> new Invoice.Item(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)),
                invoiceId);
    }

    public void savePaymentLink(long invoiceId, String linkId, String url, Instant now) {
        db.jdbc().update("UPDATE payment_invoice SET payment_link_id = ?, payment_link_url = ?, updated_at = ? WHERE id = ?",
                linkId, url, Timestamp.from(now), invoiceId);
    }

    /** Records a payment once per (invoice, reference); answers whether it was new. */
    public boolean addPayment(long invoiceId, BigDecimal amount, String reference, String method, String source,
                              String recordedBy, Instant now) {
        boolean inserted = db.insertIfAbsent("INSERT INTO payment_record (invoice_id, amount, reference_no, pay_method, source, "
                + "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", invoiceId, amount, reference, method, source,
                recordedBy, Timestamp.from(now));
        if (inserted) {
            db.jdbc().update("UPDATE payment_invoice SET paid_amount = paid_amount + ?, updated_at = ?, "
                    + "status = CASE WHEN status = 'OPEN' AND paid_amount + ? >= amount THEN 'PAID' ELSE status END "
                    + "WHERE id = ?", amount, Timestamp.from(now), amount, invoiceId);
            ledger(invoiceId, "PAYMENT", amount, source + " " + reference, now);
        }
        return inserted;
    }

    public boolean hasPayment(long invoiceId, String reference) {
        Integer n = db.jdbc().queryForObject("SELECT COUNT(*) FROM payment_record WHERE invoice_id = ? AND reference_no = ?",
                Integer.class, invoiceId, reference);
        return n != null && n > 0;
    }

    public void close(long invoiceId, String reason, Instant now) {
        db.jdbc().update("UPDATE payment_invoice SET status = ?, close_reason = ?, updated_at = ? WHERE id = ? AND status = ?",
                Invoice.CLOSED, reason, Timestamp.from(now), invoiceId, Invoice.OPEN);
    }

    public void ledger(long invoiceId, String kind, BigDecimal amount, String note, Instant now) {
        db.jdbc().update("INSERT INTO payment_ledger_entry (invoice_id, entry_kind, amount, note, entry_at) VALUES (?, ?, ?, ?, ?)",
                invoiceId, kind, amount, note == null || note.length() <= 500 ? note : note.substring(0, 500), Timestamp.from(now));
    }

    public List<String> ledgerKinds(long invoiceId) {
        return db.jdbc().queryForList("SELECT entry_kind FROM payment_ledger_entry WHERE invoice_id = ? ORDER BY id",
                String.class, invoiceId);
    }

    /** A gateway event id seen for the first time (duplicates are acknowledged and ignored). */
    public boolean firstGatewayEvent(String eventId, String type, Instant now) {
        return db.insertIfAbsent("INSERT INTO payment_gateway_event (event_id, event_type, received_at) VALUES (?, ?, ?)",
                eventId, type, Timestamp.from(now));
    }

    public void gatewayEventOutcome(String eventId, String outcome) {
        db.jdbc().update("UPDATE payment_gateway_event SET outcome = ? WHERE event_id = ?", outcome, eventId);
    }

    /** How many invoices of this customer are open and what they still owe, in one query (read for every message). */
    public OpenInvoices openInvoices(String waId) {
        return db.jdbc().queryForObject("SELECT COUNT(*), COALESCE(SUM(amount - paid_amount), 0) FROM payment_invoice "
                + "WHERE wa_id = ? AND status = ?", (rs, i) -> new OpenInvoices(rs.getLong(1), rs.getBigDecimal(2)),
                waId, Invoice.OPEN);
    }

    public record OpenInvoices(long count, BigDecimal total) {
    }

    private Optional<Invoice> one(String where, Object arg) {
        return db.jdbc().query("SELECT " + COLUMNS + " FROM payment_invoice WHERE " + where, this::map, arg).stream().findFirst();
    }

    private Invoice map(ResultSet rs, int row) throws SQLException {
        return new Invoice(rs.getLong("id"), rs.getString("invoice_number"), rs.getString("wa_id"), rs.getString("customer_name"),
                rs.getBigDecimal("amount"), rs.getString("currency"), rs.getDate("due_date").toLocalDate(),
                rs.getString("pdf_url"), rs.getString("file_token"), rs.getString("payment_link_id"),
                rs.getString("payment_link_url"), rs.getString("status"), rs.getBigDecimal("paid_amount"),
                rs.getTimestamp("created_at").toInstant());
    }
}
