package com.whatsappflux.booking;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;

/** A short review request after an attended appointment (inside the 24-hour window only). */
@Component
public class AskForReviewDelegate implements JavaDelegate {

    private final CustomerMessenger messenger;
    private final BookingMessages messages;
    private final BookingService bookings;

    public AskForReviewDelegate(CustomerMessenger messenger, BookingMessages messages, BookingService bookings) {
        this.messenger = messenger;
        this.messages = messages;
        this.bookings = bookings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Booking booking = bookings.find(BookingVariables.longVar(execution, BookingProcess.BOOKING_ID)).orElseThrow();
        messenger.tell(execution, messages.review(CustomerMessenger.language(execution), booking));
    }
}
