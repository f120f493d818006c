package com.whatsappflux.support;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the case; input parameter {@code resolvedBy} = automatic, human or unresolved (feeds the resolution metrics). */
@Component
public class CloseSupportCaseDelegate implements JavaDelegate {

    private final SupportCases cases;

    public CloseSupportCaseDelegate(SupportCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.close(((Number) execution.getVariable(SupportProcess.CASE_ID)).longValue(),
                (String) execution.getVariableLocal(SupportProcess.RESOLVED_BY));
    }
}
