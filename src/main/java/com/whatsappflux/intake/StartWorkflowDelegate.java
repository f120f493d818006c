package com.whatsappflux.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts the workflow the route chose (input parameter {@code processKey}) with the message's context,
 * business key = the customer's waId. With {@code followUpMessage} set, a customer who already has a
 * running instance of that workflow is not given a second one: the message goes to the running one.
 */
@Component
public class StartWorkflowDelegate implements JavaDelegate {

    /** What every routed instance carries (contracts.md + the triggering message). */
    static final List<String> HANDED_OVER = List.of(IntakeProcess.WA_ID, IntakeProcess.LANGUAGE,
            IntakeProcess.MESSAGE_ID, IntakeProcess.MESSAGE_TEXT, IntakeProcess.MESSAGE_TYPE, IntakeProcess.INTENT,
            IntakeProcess.CONFIDENCE, IntakeProcess.ENTITIES, IntakeProcess.PHONE_NUMBER_ID, IntakeProcess.LEAD_SOURCE,
            IntakeProcess.AD_HEADLINE, IntakeProcess.REPLY_ID, "customerName", "existingCustomer");

    private final RuntimeService runtimeService;

    public StartWorkflowDelegate(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String processKey = (String) execution.getVariableLocal("processKey");
        String followUpMessage = (String) execution.getVariableLocal("followUpMessage");
        String waId = (String) execution.getVariable(IntakeProcess.WA_ID);
        Map<String, Object> variables = new HashMap<>();
        for (String name : HANDED_OVER) {
            if (execution.hasVariable(name)) {
                variables.put(name, execution.getVariable(name));
            }
        }
        if (followUpMessage != null) {
            var running = runtimeService.createMessageCorrelation(followUpMessage)
                    .processInstanceBusinessKey(waId).setVariables(variables).correlateAllWithResult();
            if (!running.isEmpty()) {
                execution.setVariable("routedInstanceId", running.get(0).getExecution().getProcessInstanceId());
                return;
            }
        }
        // a running instance above is told that a value is gone (a null replaces the last button tapped); a new one
        // just does not get it: one variable row less per empty value, and reading it gives null all the same
        variables.values().removeIf(Objects::isNull);
        String instanceId = runtimeService.createProcessInstanceByKey(processKey)
                .businessKey(waId)
                .setVariables(variables)
                .execute()
                .getProcessInstanceId();
        execution.setVariable("routedInstanceId", instanceId);
    }
}
