package com.whatsappflux.payment;

import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** POST /api/invoices, the CSV import, and accounts recording a payment (contracts.md). */
@RestController
@RequestMapping("/api/invoices")
class InvoiceController {

    record ItemBody(String description, BigDecimal quantity, BigDecimal unitPrice) {
    }

    record InvoiceBody(String number, String waId, String customerName, BigDecimal amount, String currency, String dueDate,
                       List<ItemBody> items, String pdfUrl) {
    }

    record PaymentBody(BigDecimal amount, String reference, String method) {
    }

    private final InvoiceService service;
    private final InvoiceRepository invoices;

    InvoiceController(InvoiceService service, InvoiceRepository invoices) {
        this.service = service;
        this.invoices = invoices;
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<Map<String, Object>> create(@RequestBody InvoiceBody body) {
        Invoice invoice = service.create(new InvoiceService.NewInvoice(body.number(), body.waId(), body.customerName(),
                body.amount(), body.currency(), date(body.dueDate()),
                body.items() == null ? null : body.items().stream()
                        .map(i -> i == null ? null : new Invoice.Item(i.description(), i.quantity(), i.unitPrice())).toList(),
                body.pdfUrl()));
        return ResponseEntity.created(URI.create("/api/invoices/" + invoice.number())).body(view(invoice));
    }

    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
    InvoiceService.ImportResult importCsv(@RequestBody String csv) {
        return service.importCsv(csv);
    }

    @GetMapping("/{number}")
    Map<String, Object> get(@PathVariable String number) {
        return view(invoices.find(number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no invoice " + number)));
    }

    @PostMapping("/{number}/payments")
    ResponseEntity<Map<String, Object>> recordPayment(@PathVariable String number, @RequestBody PaymentBody body,
                                                      Principal user) {
        InvoiceService.PaymentOutcome outcome = service.recordPayment(number, body.amount(), body.reference(),
                body.method() == null ? "upi" : body.method(), "accounts", user == null ? null : user.getName());
        if (outcome == InvoiceService.PaymentOutcome.UNKNOWN_INVOICE) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no invoice " + number);
        }
        Map<String, Object> view = view(invoices.find(number).orElseThrow());
        view.put("payment", outcome.name().toLowerCase());
        return ResponseEntity.status(outcome == InvoiceService.PaymentOutcome.RECORDED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(view);
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("dueDate is required (yyyy-MM-dd)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("dueDate '" + value + "' is not a date in yyyy-MM-dd");
        }
    }

    static Map<String, Object> view(Invoice invoice) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("number", invoice.number());
        view.put("waId", invoice.waId());
        view.put("customerName", invoice.customerName());
        view.put("amount", invoice.amount());
        view.put("currency", invoice.currency());
        view.put("dueDate", invoice.dueDate().toString());
        view.put("status", invoice.status());
        view.put("paidAmount", invoice.paidAmount());
        view.put("balance", invoice.balance());
        if (invoice.paymentLinkUrl() != null) {
            view.put("paymentLink", invoice.paymentLinkUrl());
        }
        return view;
    }
}
