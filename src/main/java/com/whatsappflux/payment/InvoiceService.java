package com.whatsappflux.payment;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

import com.whatsappflux.crm.Contact;
import com.whatsappflux.crm.ContactService;
import com.whatsappflux.system.BusinessClock;

/** Invoices in, payments in: each new invoice starts its follow-up; each new payment tells it. */
@Service
public class InvoiceService {

    public record NewInvoice(String number, String waId, String customerName, BigDecimal amount, String currency,
                             LocalDate dueDate, List<Invoice.Item> items, String pdfUrl) {
    }

    public enum PaymentOutcome { RECORDED, DUPLICATE, UNKNOWN_INVOICE }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final InvoiceRepository invoices;
    private final InvoiceFollowUps followUps;
    private final ContactService contacts;
    private final BusinessClock clock;
    private final TransactionTemplate tx;

    public InvoiceService(InvoiceRepository invoices, InvoiceFollowUps followUps, ContactService contacts, BusinessClock clock,
                          PlatformTransactionManager transactions) {
        this.invoices = invoices;
        this.followUps = followUps;
        this.contacts = contacts;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Stores the invoice and starts payment-follow-up (business key = number), in one transaction. */
    public Invoice create(NewInvoice request) {
        validate(request);
        return tx.execute(status -> {
            if (invoices.exists(request.number())) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "invoice " + request.number() + " already exists");
            }
            Contact contact = contacts.ensure(request.waId(), request.customerName());
            String currency = request.currency() == null ? "INR" : request.currency();
            String name = request.customerName() != null ? request.customerName() : contact.name();
            long id = invoices.insert(request.number().trim(), request.waId(), name, request.amount(), currency,
                    request.dueDate(), blankToNull(request.pdfUrl()), newToken(), clock.now());
            List<Invoice.Item> items = request.items() == null ? List.of() : request.items();
            for (int i = 0; i < items.size(); i++) {
                invoices.insertItem(id, i + 1, items.get(i));
            }
            invoices.ledger(id, "INVOICED", request.amount(), null, clock.now());
            Invoice invoice = invoices.find(request.number().trim()).orElseThrow();
            followUps.start(invoice, contact.language());
            return invoice;
        });
    }

    /** Records a payment once per reference and tells the invoice's follow-up. */
    public PaymentOutcome recordPayment(String number, BigDecimal amount, String reference, String method, String source,
                                        String recordedBy) {
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("amount must be a positive number of rupees");
        }
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("reference (UTR or payment id) is required");
        }
        return tx.execute(status -> {
            var invoice = invoices.find(number);
            if (invoice.isEmpty()) {
                return PaymentOutcome.UNKNOWN_INVOICE;
            }
            if (!invoices.addPayment(invoice.get().id(), amount, reference.trim(), method, source, recordedBy, clock.now())) {
                return PaymentOutcome.DUPLICATE;
            }
            followUps.paymentReceived(number);
            return PaymentOutcome.RECORDED;
        });
    }

    /** Parses the CSV import: header number,waId,customerName,amount,currency,dueDate,pdfUrl,description. */
    public ImportResult importCsv(String csv) {
        ImportResult result = new ImportResult();
        String[] lines = csv == null ? new String[0] : csv.split("\\r?\\n");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int lineNo = i + 1;
            try {
                String[] f = line.split(",", -1);
                if (f.length < 6) {
                    throw new IllegalArgumentException("expected at least 6 columns: number,waId,customerName,amount,currency,dueDate");
                }
                BigDecimal amount = new BigDecimal(f[3].trim());
                String description = f.length > 7 && !f[7].isBlank() ? f[7].trim() : null;
                NewInvoice invoice = new NewInvoice(f[0].trim(), f[1].trim(), blankToNull(f[2].trim()), amount,
                        blankToNull(f[4].trim()), parseDate(f[5].trim()),
                        description == null ? List.of() : List.of(new Invoice.Item(description, BigDecimal.ONE, amount)),
                        f.length > 6 ? blankToNull(f[6].trim()) : null);
                if (invoices.exists(invoice.number())) {
                    result.skipped++;
                    result.lines.add(new ImportResult.Line(lineNo, "skipped", "invoice " + invoice.number() + " already exists"));
                    continue;
                }
                create(invoice);
                result.created++;
                result.lines.add(new ImportResult.Line(lineNo, "created", invoice.number()));
            } catch (ResponseStatusException conflict) {
                result.skipped++;
                result.lines.add(new ImportResult.Line(lineNo, "skipped", conflict.getReason()));
            } catch (RuntimeException e) {
                result.errors++;
                result.lines.add(new ImportResult.Line(lineNo, "error", e.getMessage()));
            }
        }
        return result;
    }

    public static class ImportResult {
        public int created;
        public int skipped;
        public int errors;
        public final List<Line> lines = new ArrayList<>();

        public record Line(int line, String result, String message) {
        }
    }

    static void validate(NewInvoice r) {
        require(r.number() != null && r.number().trim().matches("[A-Za-z0-9][A-Za-z0-9/_.-]{0,63}"),
                "number is required (letters, digits, - / _ . ; up to 64 characters)");
        require(r.waId() != null && r.waId().matches("\\d{8,15}"), "waId must be the WhatsApp number in digits with country code, e.g. 919812345678");
        require(r.amount() != null && r.amount().signum() > 0, "amount must be a positive number of rupees");
        require(r.amount() == null || r.amount().scale() <= 2, "amount has at most 2 decimals (paise)");
        require(r.currency() == null || "INR".equals(r.currency()), "currency must be INR");
        require(r.dueDate() != null, "dueDate is required (yyyy-MM-dd)");
        require(r.pdfUrl() == null || r.pdfUrl().isBlank() || r.pdfUrl().startsWith("https://") || r.pdfUrl().startsWith("http://"),
                "pdfUrl must be an http(s) link");
        if (r.items() != null) {
            for (Invoice.Item item : r.items()) {
                require(item != null && item.description() != null && !item.description().isBlank(), "every item needs a description");
                require(item.quantity() != null && item.quantity().signum() > 0, "item quantity must be positive");
                require(item.unitPrice() != null && item.unitPrice().signum() >= 0, "item unitPrice must not be negative");
            }
        }
    }

    private static LocalDate parseDate(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("dueDate '" + s + "' is not yyyy-MM-dd");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
