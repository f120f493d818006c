package com.whatsappflux.booking;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.HtmlUtils;

/** The day view in the shapes staff use: JSON rows, CSV, iCalendar and a small HTML table. */
final class BookingExport {

    private static final DateTimeFormatter ICS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private BookingExport() {
    }

    static Map<String, Object> row(Booking b, ZoneId zone) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", b.id());
        row.put("service", b.serviceName());
        row.put("resource", b.resourceName());
        row.put("start", b.start().atZone(zone).toOffsetDateTime().toString());
        row.put("end", b.end().atZone(zone).toOffsetDateTime().toString());
        row.put("startDisplay", BookingFormat.full(b.start(), zone));
        row.put("customer", b.customerName());
        row.put("waId", b.waId());
        row.put("status", b.status());
        row.put("source", b.source());
        return row;
    }

    static String csv(List<Booking> bookings, ZoneId zone) {
        StringBuilder out = new StringBuilder("id,service,resource,start,end,customer,waId,status,source\n");
        for (Booking b : bookings) {
            out.append(b.id()).append(',').append(cell(b.serviceName())).append(',').append(cell(b.resourceName())).append(',')
                    .append(b.start().atZone(zone).toOffsetDateTime()).append(',').append(b.end().atZone(zone).toOffsetDateTime())
                    .append(',').append(cell(b.customerName())).append(',').append(cell(b.waId())).append(',').append(b.status())
                    .append(',').append(b.source()).append('\n');
        }
        return out.toString();
    }

    static String ics(List<Booking> bookings, String businessName, Instant now) {
        StringBuilder out = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//WhatsApp Flux//Bookings//EN\r\n");
        for (Booking b : bookings) {
            out.append("BEGIN:VEVENT\r\n")
                    .append("UID:booking-").append(b.id()).append("@whatsappflux\r\n")
                    .append("DTSTAMP:").append(ICS.format(now)).append("\r\n")
                    .append("DTSTART:").append(ICS.format(b.start())).append("\r\n")
                    .append("DTEND:").append(ICS.format(b.end())).append("\r\n")
                    .append("SUMMARY:").append(icsText(b.serviceName() + " - " + (b.customerName() == null ? "" : b.customerName())))
                    .append("\r\n")
                    .append("DESCRIPTION:").append(icsText("With " + b.resourceName() + ", WhatsApp " + (b.waId() == null ? "-" : b.waId())
                            + ", " + b.status())).append("\r\n")
                    .append("LOCATION:").append(icsText(businessName)).append("\r\n")
                    .append("STATUS:").append(Booking.CANCELLED.equals(b.status()) ? "CANCELLED" : "CONFIRMED").append("\r\n")
                    .append("END:VEVENT\r\n");
        }
        return out.append("END:VCALENDAR\r\n").toString();
    }

    static String html(java.time.LocalDate date, List<Booking> bookings, ZoneId zone) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Bookings ")
                .append(esc(date.toString())).append("</title><style>body{font-family:sans-serif}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}</style></head><body><h1>Bookings, ")
                .append(esc(BookingFormat.shortDate(date.atStartOfDay(zone).toInstant(), zone))).append(' ')
                .append(date.getYear()).append("</h1><p><a href=\"?date=").append(esc(date.minusDays(1).toString()))
                .append("\">&larr; previous day</a> | <a href=\"?date=").append(esc(date.plusDays(1).toString()))
                .append("\">next day &rarr;</a> | <a href=\"/api/bookings?date=").append(esc(date.toString()))
                .append("&amp;format=csv\">CSV</a> | <a href=\"/api/bookings.ics?date=").append(esc(date.toString()))
                .append("\">ICS</a></p><table><tr><th>Time</th><th>Service</th><th>Staff</th><th>Customer</th><th>WhatsApp</th>"
                        + "<th>Status</th><th>Source</th></tr>");
        for (Booking b : bookings) {
            out.append("<tr><td>").append(esc(BookingFormat.time(b.start(), zone) + " - " + BookingFormat.time(b.end(), zone)))
                    .append("</td><td>").append(esc(b.serviceName())).append("</td><td>").append(esc(b.resourceName()))
                    .append("</td><td>").append(esc(b.customerName())).append("</td><td>").append(esc(b.waId()))
                    .append("</td><td>").append(esc(b.status())).append("</td><td>").append(esc(b.source())).append("</td></tr>");
        }
        if (bookings.isEmpty()) {
            out.append("<tr><td colspan=\"7\">No bookings.</td></tr>");
        }
        return out.append("</table></body></html>").toString();
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s);
    }

    private static String cell(String s) {
        if (s == null) {
            return "";
        }
        String safe = s.matches("^[=+\\-@].*") ? "'" + s : s; // no formulas when opened in a spreadsheet
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static String icsText(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }
}
