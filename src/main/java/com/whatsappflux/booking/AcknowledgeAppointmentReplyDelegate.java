package com.whatsappflux.booking;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;

/** "Noted, see you on …" with reschedule/cancel buttons: also keeps this instance listening for the customer. */
@Component
public class AcknowledgeAppointmentReplyDelegate implements JavaDelegate {

    private final CustomerMessenger messenger;
    private final BookingMessages messages;
    private final BookingService bookings;

    public AcknowledgeAppointmentReplyDelegate(CustomerMessenger messenger, BookingMessages messages, BookingService bookings) {
        this.messenger = messenger;
        this.messages = messages;
        this.bookings = bookings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Booking booking = bookings.find(BookingVariables.longVar(execution, BookingProcess.BOOKING_ID)).orElseThrow();
        messenger.ask(execution, messages.noted(CustomerMessenger.language(execution), booking, bookings.calendar().zone()),
                BookingProcess.TOPIC);
    }
}
