package com.whatsappflux.payment;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.springframework.stereotype.Component;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import com.whatsappflux.business.BusinessProfile;

/** A clean one-page invoice PDF (OpenPDF) for invoices that came without their own PDF. */
@Component
public class InvoicePdf {

    public byte[] render(Invoice invoice, List<Invoice.Item> items, BusinessProfile business, String upiLink) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
        Font normal = FontFactory.getFont(FontFactory.HELVETICA, 10);
        document.add(new Paragraph(business.name(), title));
        if (business.address() != null) {
            document.add(new Paragraph(business.address(), normal));
        }
        if (business.phone() != null) {
            document.add(new Paragraph("Phone: " + business.phone(), normal));
        }
        document.add(new Paragraph(" "));
        document.add(new Paragraph("INVOICE " + invoice.number(), FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14)));
        document.add(new Paragraph("Bill to: " + (invoice.customerName() == null ? "" : invoice.customerName() + ", ")
                + "+" + invoice.waId(), normal));
        document.add(new Paragraph("Date: " + IndianFormat.date(invoice.createdAt().atZone(java.time.ZoneId.of("Asia/Kolkata"))
                .toLocalDate()) + "    Due: " + IndianFormat.date(invoice.dueDate()), normal));
        document.add(new Paragraph(" "));

        PdfPTable table = new PdfPTable(new float[] {6, 1.5f, 2.5f, 2.5f});
        table.setWidthPercentage(100);
        for (String head : List.of("Description", "Qty", "Unit price", "Amount")) {
            PdfPCell cell = new PdfPCell(new Phrase(head, bold));
            cell.setBackgroundColor(new Color(235, 235, 235));
            table.addCell(cell);
        }
        if (items.isEmpty()) {
            table.addCell(new Phrase("As agreed", normal));
            table.addCell(right("1", normal));
            table.addCell(right(money(invoice.amount()), normal));
            table.addCell(right(money(invoice.amount()), normal));
        }
        for (Invoice.Item item : items) {
            table.addCell(new Phrase(item.description(), normal));
            table.addCell(right(item.quantity().stripTrailingZeros().toPlainString(), normal));
            table.addCell(right(money(item.unitPrice()), normal));
            table.addCell(right(money(item.total()), normal));
        }
        PdfPCell totalLabel = new PdfPCell(new Phrase("Total (INR)", bold));
        totalLabel.setColspan(3);
        table.addCell(totalLabel);
        table.addCell(right(money(invoice.amount()), bold));
        if (invoice.paidAmount().signum() > 0) {
            PdfPCell dueLabel = new PdfPCell(new Phrase("Balance due", bold));
            dueLabel.setColspan(3);
            table.addCell(dueLabel);
            table.addCell(right(money(invoice.balance()), bold));
        }
        document.add(table);
        document.add(new Paragraph(" "));
        if (business.upiVpa() != null) {
            document.add(new Paragraph("Pay by UPI to " + business.upiVpa() + " (note: " + invoice.number() + ")", normal));
        }
        if (invoice.paymentLinkUrl() != null) {
            document.add(new Paragraph("Pay online: " + invoice.paymentLinkUrl(), normal));
        }
        document.close();
        return out.toByteArray();
    }

    /** Rupee sign is not in the PDF base fonts: "Rs." keeps the document readable everywhere. */
    private static String money(java.math.BigDecimal amount) {
        return IndianFormat.rupees(amount).replace("₹", "Rs. ");
    }

    private static PdfPCell right(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }
}
