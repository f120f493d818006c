package com.whatsappflux.payment;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.whatsappflux.business.BusinessProfileService;

/**
 * GET /files/invoices/{token}.pdf — the generated invoice, for WhatsApp to fetch by link. The 48-hex-digit
 * random token is the credential (public path: SecurityConfig permits /files/**).
 */
@RestController
class InvoiceFileController {

    private final InvoiceRepository invoices;
    private final InvoicePdf pdf;
    private final BusinessProfileService profile;
    private final PaymentLinks links;

    InvoiceFileController(InvoiceRepository invoices, InvoicePdf pdf, BusinessProfileService profile, PaymentLinks links) {
        this.invoices = invoices;
        this.pdf = pdf;
        this.profile = profile;
        this.links = links;
    }

    @GetMapping("/files/invoices/{token:[0-9a-f]{48}}.pdf")
    ResponseEntity<byte[]> invoice(@PathVariable String token) {
        Invoice invoice = invoices.findByToken(token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "not found"));
        byte[] body = pdf.render(invoice, invoices.items(invoice.id()), profile.profile(), links.upi(invoice));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + invoice.number() + ".pdf\"")
                .header("Cache-Control", "private, max-age=300")
                .body(body);
    }
}
