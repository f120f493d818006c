package com.whatsappflux.booking;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;

/** Asks which service, as a list of the active services. */
@Component
public class AskForServiceDelegate implements JavaDelegate {

    private final CustomerMessenger messenger;
    private final BookingMessages messages;
    private final BookingCalendarRepository calendar;

    public AskForServiceDelegate(CustomerMessenger messenger, BookingMessages messages, BookingCalendarRepository calendar) {
        this.messenger = messenger;
        this.messages = messages;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        messenger.ask(execution, messages.serviceList(CustomerMessenger.language(execution), CustomerMessenger.waId(execution),
                calendar.services()), BookingProcess.TOPIC);
    }
}
