package com.whatsappflux.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.crm.ContactService;

/** "Opt out contact": no marketing from now on; {@code firstOptOut} says whether to confirm (only once). */
@Component
public class OptOutContactDelegate implements JavaDelegate {

    private final ContactService contacts;

    public OptOutContactDelegate(ContactService contacts) {
        this.contacts = contacts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean first = contacts.optOut((String) execution.getVariable(IntakeProcess.WA_ID), "customer");
        execution.setVariable("firstOptOut", first);
    }
}
