package com.whatsappflux.booking;

import java.util.Arrays;
import java.util.HashSet;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.system.BusinessClock;

/** Sets nextStep (reminder / appointment / inactive) and nextStepAt (ISO date-time) from the booking's start. */
@Component
public class PlanNextReminderDelegate implements JavaDelegate {

    private final BookingService bookings;
    private final BookingSettings settings;
    private final BusinessClock clock;

    public PlanNextReminderDelegate(BookingService bookings, BookingSettings settings, BusinessClock clock) {
        this.bookings = bookings;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Booking booking = bookings.find(BookingVariables.longVar(execution, BookingProcess.BOOKING_ID)).orElseThrow();
        String sent = (String) execution.getVariable(BookingProcess.REMINDERS_SENT);
        ReminderPlan.Step step = ReminderPlan.next(booking.start(), booking.end(), clock.now(),
                sent == null ? new HashSet<>() : new HashSet<>(Arrays.asList(sent.split(","))), settings.reminderOffsets());
        execution.setVariable(BookingProcess.NEXT_STEP, step.kind());
        execution.setVariable(BookingProcess.NEXT_REMINDER, step.reminder());
        execution.setVariable(BookingProcess.NEXT_STEP_AT, step.at().atZone(clock.zone()).toOffsetDateTime().toString());
    }
}
