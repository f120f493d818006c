package com.whatsappflux.support;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;

/** Which order the customer means: {@code orderLookup} = found / ask_number / not_found, and {@code orderNumber}. */
@Component
public class LookUpOrderDelegate implements JavaDelegate {

    static final String ASKED = "orderNumberAsked";

    private final OrderLookup lookup;
    private final ObjectMapper json;

    public LookUpOrderDelegate(OrderLookup lookup, ObjectMapper json) {
        this.lookup = lookup;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OrderLookup.Result result = lookup.lookUp(CustomerMessenger.waId(execution),
                (String) execution.getVariable(SupportProcess.MESSAGE_TEXT),
                UnderstandQuestionDelegate.entities(execution, json), Boolean.TRUE.equals(execution.getVariable(ASKED)));
        execution.setVariable(SupportProcess.ORDER_LOOKUP, result.outcome());
        execution.setVariable(SupportProcess.ORDER_NUMBER, result.orderNumber());
    }
}
