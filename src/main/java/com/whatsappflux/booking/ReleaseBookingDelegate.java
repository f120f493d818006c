package com.whatsappflux.booking;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Frees the slot with the status given by input parameter {@code status} (EXPIRED, RELEASED, CANCELLED, RESCHEDULED). */
@Component
public class ReleaseBookingDelegate implements JavaDelegate {

    private final BookingService bookings;

    public ReleaseBookingDelegate(BookingService bookings) {
        this.bookings = bookings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String status = (String) execution.getVariableLocal("status");
        bookings.release(BookingVariables.longVar(execution, BookingProcess.BOOKING_ID), status);
        execution.setVariable(BookingProcess.APPOINTMENT_OUTCOME, status.toLowerCase(java.util.Locale.ROOT));
    }
}
