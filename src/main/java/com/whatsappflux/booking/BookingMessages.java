package com.whatsappflux.booking;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.whatsappflux.business.BusinessProfile;
import com.whatsappflux.business.BusinessProfileService;
import com.whatsappflux.conversation.ReplyTexts;
import com.whatsappflux.conversation.SendStaffReplyDelegate;
import com.whatsappflux.crm.ContactService;
import com.whatsappflux.whatsapp.OutboundContent;
import com.whatsappflux.whatsapp.OutboundContent.Button;
import com.whatsappflux.whatsapp.OutboundContent.Row;
import com.whatsappflux.whatsapp.OutboundContent.Section;

/** The booking's WhatsApp messages, built from the reply texts (booking.*) in the customer's language. */
@Component
public class BookingMessages {

    private final ReplyTexts texts;
    private final BusinessProfileService profiles;
    private final ContactService contacts;

    public BookingMessages(ReplyTexts texts, BusinessProfileService profiles, ContactService contacts) {
        this.texts = texts;
        this.profiles = profiles;
        this.contacts = contacts;
    }

    public String customerName(String waId) {
        return contacts.find(waId).map(c -> c.displayName()).orElse("");
    }

    public OutboundContent serviceList(String language, String waId, List<BusinessCalendar.Service> services) {
        List<Row> rows = services.stream().limit(10).map(s -> new Row(BookingProcess.ROW_SERVICE_PREFIX + s.id(),
                truncate(s.name(), 24), s.durationMinutes() + " min")).toList();
        return OutboundContent.list(texts.get(language, "booking.askService", customerName(waId)).replaceFirst("^, ", ""),
                texts.get(language, "booking.serviceButton"), List.of(new Section(null, rows)), null);
    }

    /** Up to 9 slots plus "None of these" (WhatsApp allows 10 rows). */
    public OutboundContent slotList(String language, BusinessCalendar.Service service, List<Slot> slots, boolean exact,
                                    boolean slotWasTaken, ZoneId zone) {
        String key = slotWasTaken ? "booking.slotTaken" : exact ? "booking.slots" : "booking.slotsNotExact";
        List<Row> rows = new ArrayList<>();
        for (Slot slot : slots.stream().limit(9).toList()) {
            rows.add(new Row(slot.rowId(), BookingFormat.rowTitle(slot.start(), zone), truncate(service.name(), 72)));
        }
        rows.add(new Row(BookingProcess.ROW_NONE_FITS, texts.get(language, "booking.noneFits"),
                texts.get(language, "booking.noneFitsHint")));
        return OutboundContent.list(texts.get(language, key, service.name()), texts.get(language, "booking.slotsButton"),
                List.of(new Section(null, rows)), null);
    }

    public OutboundContent confirmHeldSlot(String language, Booking held, int holdMinutes, ZoneId zone) {
        return OutboundContent.buttons(texts.get(language, "booking.confirmSlot", BookingFormat.full(held.start(), zone),
                        held.serviceName(), holdMinutes),
                List.of(new Button(BookingProcess.BUTTON_CONFIRM, texts.get(language, "booking.confirmButton")),
                        new Button(BookingProcess.BUTTON_OTHER_TIMES, texts.get(language, "booking.otherTimesButton"))), null);
    }

    /** Date/time in Indian format, address and map link, reschedule/cancel buttons. */
    public OutboundContent confirmation(String language, Booking booking, ZoneId zone) {
        BusinessProfile p = profiles.profile();
        String where = p.name() + (p.address() == null ? "" : ", " + p.address());
        String text = texts.get(language, "booking.confirmed", booking.serviceName(), BookingFormat.full(booking.start(), zone),
                where, p.mapUrl() == null ? "-" : p.mapUrl(), String.valueOf(booking.id()));
        return OutboundContent.buttons(text, rescheduleCancel(language), null);
    }

    public OutboundContent reminder(String language, Booking booking, ZoneId zone) {
        BusinessProfile p = profiles.profile();
        String text = texts.get(language, "booking.reminder", booking.serviceName(), BookingFormat.shortDate(booking.start(), zone),
                BookingFormat.time(booking.start(), zone), p.mapUrl() == null ? p.name() : p.mapUrl());
        List<Button> buttons = new ArrayList<>();
        buttons.add(new Button(BookingProcess.BUTTON_CONFIRM, texts.get(language, "booking.confirmButton")));
        buttons.addAll(rescheduleCancel(language));
        return OutboundContent.buttons(text, buttons, null);
    }

    /** Utility template appointment_reminder(name, service, "Wed 25 Nov", "5:00 PM") with CONFIRM/RESCHEDULE/CANCEL. */
    public OutboundContent reminderTemplate(String language, Booking booking, ZoneId zone) {
        String name = booking.customerName() == null || booking.customerName().isBlank() ? customerName(booking.waId())
                : booking.customerName();
        return OutboundContent.template(BookingProcess.REMINDER_TEMPLATE, SendStaffReplyDelegate.templateLanguage(language),
                List.of(name.isBlank() ? "there" : name, booking.serviceName(), BookingFormat.shortDate(booking.start(), zone),
                        BookingFormat.time(booking.start(), zone)),
                List.of(BookingProcess.BUTTON_CONFIRM, BookingProcess.BUTTON_RESCHEDULE, BookingProcess.BUTTON_CANCEL));
    }

    public OutboundContent noted(String language, Booking booking, ZoneId zone) {
        return OutboundContent.buttons(texts.get(language, "booking.noted", BookingFormat.full(booking.start(), zone)),
                rescheduleCancel(language), null);
    }

    public OutboundContent review(String language, Booking booking) {
        return OutboundContent.text(texts.get(language, "booking.review", profiles.profile().name(), booking.serviceName()));
    }

    private List<Button> rescheduleCancel(String language) {
        return List.of(new Button(BookingProcess.BUTTON_RESCHEDULE, texts.get(language, "booking.rescheduleButton")),
                new Button(BookingProcess.BUTTON_CANCEL, texts.get(language, "booking.cancelButton")));
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
