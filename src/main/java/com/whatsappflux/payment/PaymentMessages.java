package com.whatsappflux.payment;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.whatsappflux.business.BusinessProfileService;
import com.whatsappflux.conversation.ReplyTexts;
import com.whatsappflux.conversation.SendStaffReplyDelegate;
import com.whatsappflux.crm.ContactService;
import com.whatsappflux.whatsapp.OutboundContent;

/** The payment messages customers read (texts from messages/replies*.properties, payment.* keys). */
@Component
public class PaymentMessages {

    public static final String REMINDER_TEMPLATE = "payment_reminder";
    public static final String RECEIPT_TEMPLATE = "payment_receipt";

    private final ReplyTexts texts;
    private final ContactService contacts;
    private final PaymentLinks links;
    private final BusinessProfileService profile;

    public PaymentMessages(ReplyTexts texts, ContactService contacts, PaymentLinks links, BusinessProfileService profile) {
        this.texts = texts;
        this.contacts = contacts;
        this.links = links;
        this.profile = profile;
    }

    public String customerName(String waId, Invoice invoice) {
        if (invoice != null && invoice.customerName() != null && !invoice.customerName().isBlank()) {
            return invoice.customerName();
        }
        return contacts.find(waId).map(c -> c.displayName()).orElse("");
    }

    public OutboundContent invoiceDocument(Invoice invoice, String language) {
        String caption = texts.get(language, "payment.invoice.caption", customerName(invoice.waId(), invoice), invoice.number(),
                IndianFormat.rupees(invoice.balance()), IndianFormat.date(invoice.dueDate()), payOptions(invoice, language)
                        + texts.get(language, "payment.invoice.howToConfirm"));
        return OutboundContent.document(links.document(invoice), invoice.number() + ".pdf", caption);
    }

    /** Free-form reminder with quick buttons (inside the 24-hour window). */
    public OutboundContent reminderMessage(Invoice invoice, String language) {
        String body = texts.get(language, "payment.reminder.text", customerName(invoice.waId(), invoice), invoice.number(),
                IndianFormat.rupees(invoice.balance()), IndianFormat.date(invoice.dueDate()), payOptions(invoice, language));
        return OutboundContent.buttons(body, List.of(
                new OutboundContent.Button(PaymentProcess.PAID, texts.get(language, "payment.button.paid")),
                new OutboundContent.Button(PaymentProcess.SEND_INVOICE, texts.get(language, "payment.button.sendInvoice"))), null);
    }

    /** The approved utility template: name, invoice number, amount, due date; quick replies PAID, SEND_INVOICE. */
    public OutboundContent reminderTemplate(Invoice invoice, String language) {
        return OutboundContent.template(REMINDER_TEMPLATE, SendStaffReplyDelegate.templateLanguage(language),
                List.of(nonBlank(customerName(invoice.waId(), invoice)), invoice.number(), IndianFormat.rupees(invoice.balance()),
                        IndianFormat.date(invoice.dueDate())),
                List.of(PaymentProcess.PAID, PaymentProcess.SEND_INVOICE));
    }

    public OutboundContent receiptText(Invoice invoice, String language) {
        return OutboundContent.text(texts.get(language, "payment.receipt.text", customerName(invoice.waId(), invoice),
                IndianFormat.rupees(invoice.paidAmount()), invoice.number()));
    }

    /** payment_receipt: name, amount received, invoice number. */
    public OutboundContent receiptTemplate(Invoice invoice, String language) {
        return OutboundContent.template(RECEIPT_TEMPLATE, SendStaffReplyDelegate.templateLanguage(language),
                List.of(nonBlank(customerName(invoice.waId(), invoice)), IndianFormat.rupees(invoice.paidAmount()), invoice.number()),
                null);
    }

    public OutboundContent partPayment(Invoice invoice, java.math.BigDecimal received, String language) {
        return OutboundContent.text(texts.get(language, "payment.partPayment.text", customerName(invoice.waId(), invoice),
                IndianFormat.rupees(received), invoice.number(), IndianFormat.rupees(invoice.balance())));
    }

    public OutboundContent reply(String key, String language, String waId, Invoice invoice, String invoiceNumber, String reference) {
        return OutboundContent.text(texts.get(language, key, customerName(waId, invoice), profile.profile().name(),
                invoiceNumber == null ? "" : invoiceNumber, reference == null ? "" : reference));
    }

    public OutboundContent amountDue(String waId, List<Invoice> open, String language) {
        String name = customerName(waId, null);
        if (open.isEmpty()) {
            return OutboundContent.text(texts.get(language, "payment.due.none", name));
        }
        List<String> lines = new ArrayList<>();
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (Invoice invoice : open) {
            lines.add(texts.get(language, "payment.due.line", invoice.number(), IndianFormat.rupees(invoice.balance()),
                    IndianFormat.date(invoice.dueDate())));
            total = total.add(invoice.balance());
        }
        return OutboundContent.text(texts.get(language, "payment.due.list", name, String.join("\n", lines),
                IndianFormat.rupees(total)));
    }

    public OutboundContent whichInvoice(String waId, List<Invoice> open, String language) {
        List<OutboundContent.Row> rows = open.stream().limit(10).map(i -> new OutboundContent.Row(
                PaymentProcess.CHOSEN_INVOICE_PREFIX + i.number(), i.number().length() > 24 ? i.number().substring(0, 24) : i.number(),
                texts.get(language, "payment.which.row", IndianFormat.rupees(i.balance()), IndianFormat.date(i.dueDate())))).toList();
        return OutboundContent.list(texts.get(language, "payment.which.question", customerName(waId, null)),
                texts.get(language, "payment.which.button"), List.of(new OutboundContent.Section(null, rows)), null);
    }

    public String summary(Invoice invoice) {
        return "Amount " + IndianFormat.rupees(invoice.amount()) + ", paid " + IndianFormat.rupees(invoice.paidAmount())
                + ", balance " + IndianFormat.rupees(invoice.balance()) + ", due " + IndianFormat.date(invoice.dueDate())
                + " (" + invoice.status() + ")";
    }

    private String payOptions(Invoice invoice, String language) {
        StringBuilder s = new StringBuilder();
        String upi = links.upi(invoice);
        if (upi != null) {
            s.append(texts.get(language, "payment.invoice.payUpi", upi));
        }
        if (invoice.paymentLinkUrl() != null) {
            s.append(texts.get(language, "payment.invoice.payOnline", invoice.paymentLinkUrl()));
        }
        return s.toString();
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? "Customer" : s;
    }
}
