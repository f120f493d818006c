package com.whatsappflux.support;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;

/** A reschedule request is booking work: starts {@code appointment-booking} for the customer with the message. */
@Component
public class HandOverToBookingDelegate implements JavaDelegate {

    static final String BOOKING_PROCESS = "appointment-booking";

    private final RuntimeService runtimeService;
    private final SupportCases cases;

    public HandOverToBookingDelegate(RuntimeService runtimeService, SupportCases cases) {
        this.runtimeService = runtimeService;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String waId = CustomerMessenger.waId(execution);
        Map<String, Object> variables = new HashMap<>();
        variables.put(SupportProcess.WA_ID, waId);
        variables.put(SupportProcess.LANGUAGE, CustomerMessenger.language(execution));
        variables.put(SupportProcess.MESSAGE_TEXT, execution.getVariable(SupportProcess.MESSAGE_TEXT));
        variables.put("intent", "booking");
        variables.put(SupportProcess.ENTITIES, execution.getVariable(SupportProcess.ENTITIES));
        String instanceId = runtimeService.createProcessInstanceByKey(BOOKING_PROCESS).businessKey(waId)
                .setVariables(variables).execute().getProcessInstanceId();
        execution.setVariable("bookingInstanceId", instanceId);
        cases.handedOverToBooking(((Number) execution.getVariable(SupportProcess.CASE_ID)).longValue());
    }
}
