package com.whatsappflux.booking;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores what front desk recorded: attended or no_show. */
@Component
public class SaveAttendanceDelegate implements JavaDelegate {

    private final BookingService bookings;

    public SaveAttendanceDelegate(BookingService bookings) {
        this.bookings = bookings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String attendance = (String) execution.getVariable(BookingProcess.ATTENDANCE);
        bookings.markAttendance(BookingVariables.longVar(execution, BookingProcess.BOOKING_ID), "attended".equals(attendance));
        execution.setVariable(BookingProcess.APPOINTMENT_OUTCOME, attendance);
    }
}
