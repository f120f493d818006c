package com.whatsappflux.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.system.BusinessClock;

/** Works out the next follow-up (reminder, call, managers) and when; the diagram's timer waits for it. */
@Component
public class ScheduleNextFollowUpDelegate implements JavaDelegate {

    private final PaymentSettings settings;
    private final BusinessClock clock;

    public ScheduleNextFollowUpDelegate(PaymentSettings settings, BusinessClock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FollowUpPlanner planner = new FollowUpPlanner(settings.reminderTime(), clock.zone(),
                settings.callAfterLastReminder(), settings.managersAfterCall());
        List<?> offsets = (List<?>) execution.getVariable(PaymentProcess.REMINDER_OFFSETS);
        FollowUpPlanner.State state = new FollowUpPlanner.State(
                LocalDate.parse((String) execution.getVariable(PaymentProcess.DUE_DATE)),
                offsets == null ? List.of() : offsets.stream().map(o -> ((Number) o).intValue()).toList(),
                instant(execution, PaymentProcess.INVOICE_SENT_AT, clock.now()),
                instant(execution, PaymentProcess.LAST_REMINDER_AT, null),
                instant(execution, PaymentProcess.CALLED_AT, null),
                instant(execution, PaymentProcess.MANAGERS_REVIEWED_AT, null));
        FollowUpPlanner.FollowUp next = planner.next(state);
        execution.setVariable(PaymentProcess.NEXT_FOLLOW_UP, next.kind());
        execution.setVariable(PaymentProcess.NEXT_FOLLOW_UP_AT, Date.from(next.at()));
    }

    private static Instant instant(DelegateExecution execution, String name, Instant fallback) {
        Object value = execution.getVariable(name);
        return value instanceof Date date ? date.toInstant() : fallback;
    }
}
