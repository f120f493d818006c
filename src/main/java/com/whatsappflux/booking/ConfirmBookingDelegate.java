package com.whatsappflux.booking;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Turns the hold into the booking (freeing a booking it replaces); a hold lost to somebody else means BPMN error slotTaken. */
@Component
public class ConfirmBookingDelegate implements JavaDelegate {

    private final BookingService bookings;

    public ConfirmBookingDelegate(BookingService bookings) {
        this.bookings = bookings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            Booking booking = bookings.confirm(BookingVariables.longVar(execution, BookingProcess.BOOKING_ID));
            Object replaced = execution.getVariable(BookingProcess.REPLACES_BOOKING_ID);
            if (replaced != null) {
                // its own follow-up sees it is no longer active at its next timer and ends without reminding
                bookings.release(((Number) replaced).longValue(), Booking.RESCHEDULED);
                execution.setVariable(BookingProcess.REPLACES_BOOKING_ID, null);
            }
            execution.setVariable(BookingProcess.APPOINTMENT_SUMMARY, booking.serviceName() + ", "
                    + BookingFormat.full(booking.start(), bookings.calendar().zone()) + ", " + booking.resourceName()
                    + " (booking " + booking.id() + ")");
        } catch (SlotTakenException taken) {
            execution.setVariable(BookingProcess.SLOT_WAS_TAKEN, true);
            throw new BpmnError(BookingProcess.ERROR_SLOT_TAKEN, taken.getMessage());
        }
    }
}
