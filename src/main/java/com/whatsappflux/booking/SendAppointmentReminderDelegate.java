package com.whatsappflux.booking;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;

/** The reminder with confirm/reschedule/cancel; the utility template appointment_reminder outside the 24-hour window. */
@Component
public class SendAppointmentReminderDelegate implements JavaDelegate {

    private final CustomerMessenger messenger;
    private final BookingMessages messages;
    private final BookingService bookings;

    public SendAppointmentReminderDelegate(CustomerMessenger messenger, BookingMessages messages, BookingService bookings) {
        this.messenger = messenger;
        this.messages = messages;
        this.bookings = bookings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Booking booking = bookings.find(BookingVariables.longVar(execution, BookingProcess.BOOKING_ID)).orElseThrow();
        String language = CustomerMessenger.language(execution);
        var zone = bookings.calendar().zone();
        messenger.ask(execution, messages.reminder(language, booking, zone), messages.reminderTemplate(language, booking, zone),
                BookingProcess.TOPIC);
        String kind = (String) execution.getVariable(BookingProcess.NEXT_REMINDER);
        String sent = (String) execution.getVariable(BookingProcess.REMINDERS_SENT);
        execution.setVariable(BookingProcess.REMINDERS_SENT, sent == null || sent.isEmpty() ? kind : sent + "," + kind);
    }
}
