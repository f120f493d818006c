package com.whatsappflux.booking;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Searches the calendar for the slots to offer; keeps their row ids (≤ 10) for the offer. */
@Component
public class FindFreeSlotsDelegate implements JavaDelegate {

    private final BookingService bookings;

    public FindFreeSlotsDelegate(BookingService bookings) {
        this.bookings = bookings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SlotFinder.Offer offer = bookings.offer(BookingVariables.longVar(execution, BookingProcess.SERVICE_ID),
                BookingVariables.preference(execution));
        execution.setVariable(BookingProcess.SLOTS_OFFERED, offer.slots().size());
        execution.setVariable(BookingProcess.PREFERENCE_MET, offer.preferenceMet());
        execution.setVariable("offeredSlots", offer.slots().stream().map(Slot::rowId).collect(Collectors.joining(",")));
        if (offer.slots().isEmpty()) {
            execution.setVariable(BookingProcess.HANDOVER_REASON, "No free slot within the booking horizon");
        }
    }
}
