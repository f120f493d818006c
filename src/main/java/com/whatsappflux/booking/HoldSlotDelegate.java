package com.whatsappflux.booking;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;

/** Holds the picked slot (committed at once); somebody faster means BPMN error slotTaken. */
@Component
public class HoldSlotDelegate implements JavaDelegate {

    private final BookingService bookings;
    private final BookingMessages messages;

    public HoldSlotDelegate(BookingService bookings, BookingMessages messages) {
        this.bookings = bookings;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long serviceId = BookingVariables.longVar(execution, BookingProcess.SERVICE_ID);
        int duration = bookings.calendar().service(serviceId).orElseThrow().durationMinutes();
        Slot slot = Slot.fromRowId((String) execution.getVariable(BookingProcess.PICKED_SLOT), duration).orElseThrow();
        String waId = CustomerMessenger.waId(execution);
        Object name = execution.getVariable(BookingProcess.CUSTOMER_NAME);
        try {
            long id = bookings.hold(waId, name == null ? messages.customerName(waId) : name.toString(), serviceId, slot,
                    execution.getProcessInstanceId());
            execution.setVariable(BookingProcess.BOOKING_ID, id);
        } catch (SlotTakenException taken) {
            execution.setVariable(BookingProcess.SLOT_WAS_TAKEN, true);
            throw new BpmnError(BookingProcess.ERROR_SLOT_TAKEN, taken.getMessage());
        }
    }
}
