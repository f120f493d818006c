package com.whatsappflux.booking;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;

/** Sends the found slots as an interactive list and waits for the pick. */
@Component
public class OfferSlotsDelegate implements JavaDelegate {

    private final CustomerMessenger messenger;
    private final BookingMessages messages;
    private final BookingService bookings;

    public OfferSlotsDelegate(CustomerMessenger messenger, BookingMessages messages, BookingService bookings) {
        this.messenger = messenger;
        this.messages = messages;
        this.bookings = bookings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BusinessCalendar calendar = bookings.calendar();
        BusinessCalendar.Service service = calendar.service(BookingVariables.longVar(execution, BookingProcess.SERVICE_ID)).orElseThrow();
        List<Slot> slots = Arrays.stream(((String) execution.getVariable("offeredSlots")).split(","))
                .map(id -> Slot.fromRowId(id, service.durationMinutes()).orElseThrow()).toList();
        boolean taken = Boolean.TRUE.equals(execution.getVariable(BookingProcess.SLOT_WAS_TAKEN));
        messenger.ask(execution, messages.slotList(CustomerMessenger.language(execution), service, slots,
                Boolean.TRUE.equals(execution.getVariable(BookingProcess.PREFERENCE_MET)), taken, calendar.zone()),
                BookingProcess.TOPIC);
        execution.setVariable(BookingProcess.SLOT_WAS_TAKEN, false);
    }
}
