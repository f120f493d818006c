package com.whatsappflux.booking;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;

/**
 * The confirmation with date/time, address, map link and reschedule/cancel buttons. Sent as a question so
 * that a tap on its buttons at any time before the appointment reaches this follow-up instance.
 */
@Component
public class SendBookingConfirmationDelegate implements JavaDelegate {

    private final CustomerMessenger messenger;
    private final BookingMessages messages;
    private final BookingService bookings;

    public SendBookingConfirmationDelegate(CustomerMessenger messenger, BookingMessages messages, BookingService bookings) {
        this.messenger = messenger;
        this.messages = messages;
        this.bookings = bookings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Booking booking = bookings.find(BookingVariables.longVar(execution, BookingProcess.BOOKING_ID)).orElseThrow();
        bookings.attachProcess(booking.id(), execution.getProcessInstanceId());
        execution.setVariable(BookingProcess.REMINDERS_SENT, "");
        execution.setVariable(BookingProcess.APPOINTMENT_OUTCOME, null);
        messenger.ask(execution, messages.confirmation(CustomerMessenger.language(execution), booking, bookings.calendar().zone()),
                BookingProcess.TOPIC);
    }
}
