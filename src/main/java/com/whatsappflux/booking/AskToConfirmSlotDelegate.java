package com.whatsappflux.booking;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;

/** "I am holding Wed, 25 Nov 2026, 5:00 PM for you for 10 minutes. Confirm?" */
@Component
public class AskToConfirmSlotDelegate implements JavaDelegate {

    private final CustomerMessenger messenger;
    private final BookingMessages messages;
    private final BookingService bookings;

    public AskToConfirmSlotDelegate(CustomerMessenger messenger, BookingMessages messages, BookingService bookings) {
        this.messenger = messenger;
        this.messages = messages;
        this.bookings = bookings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Booking held = bookings.find(BookingVariables.longVar(execution, BookingProcess.BOOKING_ID)).orElseThrow();
        BusinessCalendar calendar = bookings.calendar();
        messenger.ask(execution, messages.confirmHeldSlot(CustomerMessenger.language(execution), held,
                calendar.settings().holdMinutes(), calendar.zone()), BookingProcess.TOPIC);
    }
}
