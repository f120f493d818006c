package com.whatsappflux.booking;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.system.BusinessClock;

/**
 * Reads the customer's answer to the question named by input parameter {@code question} (service, slot,
 * confirmation, appointment) into {@code customerAnswer}, with what it carries. Rejections count rounds.
 */
@Component
public class ReadCustomerAnswerDelegate implements JavaDelegate {

    private final BookingAnswers answers;
    private final BookingCalendarRepository calendar;
    private final BusinessClock clock;

    public ReadCustomerAnswerDelegate(BookingAnswers answers, BookingCalendarRepository calendar, BusinessClock clock) {
        this.answers = answers;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String question = (String) execution.getVariableLocal("question");
        String replyText = (String) execution.getVariable(BookingProcess.REPLY_TEXT);
        var services = calendar.services();
        BookingAnswers.Answer answer = answers.read(question, (String) execution.getVariable(BookingProcess.REPLY_ID), replyText,
                services, clock.nowInZone());
        execution.setVariable(BookingProcess.CUSTOMER_ANSWER, answer.meaning());
        if (replyText != null) {
            execution.setVariable(BookingProcess.MESSAGE_TEXT, replyText);
        }
        if (answer.pickedSlot() != null) {
            execution.setVariable(BookingProcess.PICKED_SLOT, answer.pickedSlot());
        }
        if (answer.serviceId() != null) {
            execution.setVariable(BookingProcess.SERVICE_ID, answer.serviceId());
            execution.setVariable(BookingProcess.SERVICE_KNOWN, true);
            services.stream().filter(s -> s.id() == answer.serviceId()).findFirst()
                    .ifPresent(s -> execution.setVariable(BookingProcess.SERVICE_NAME, s.name()));
        }
        if (answer.newPreference() != null) {
            BookingVariables.setPreference(execution, answer.newPreference());
        }
        switch (answer.meaning()) {
            case BookingProcess.ANSWER_NONE, BookingProcess.ANSWER_OTHER -> {
                if (!"service".equals(question)) {
                    execution.setVariable(BookingProcess.REJECTED_ROUNDS,
                            BookingVariables.intVar(execution, BookingProcess.REJECTED_ROUNDS) + 1);
                    execution.setVariable(BookingProcess.HANDOVER_REASON, "No offered slot suited the customer");
                } else {
                    execution.setVariable(BookingProcess.HANDOVER_REASON, "Service unclear");
                }
            }
            case BookingProcess.ANSWER_SPECIAL -> execution.setVariable(BookingProcess.HANDOVER_REASON, "Special request");
            case BookingProcess.ANSWER_RESCHEDULE -> {
                execution.setVariable(BookingProcess.REJECTED_ROUNDS, 0);
                if (answer.newPreference() == null) {
                    BookingVariables.setPreference(execution, PreferredTime.ANY);
                }
            }
            default -> {
            }
        }
    }
}
