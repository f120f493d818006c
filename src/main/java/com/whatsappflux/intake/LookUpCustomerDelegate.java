package com.whatsappflux.intake;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.crm.Contact;
import com.whatsappflux.crm.ContactService;
import com.whatsappflux.crm.CustomerFactsProvider;

/** "Look up customer": new or existing, opted out, and every feature's facts (open lead, unpaid invoices …). */
@Component
public class LookUpCustomerDelegate implements JavaDelegate {

    private final ContactService contacts;
    private final List<CustomerFactsProvider> factProviders;

    public LookUpCustomerDelegate(ContactService contacts, List<CustomerFactsProvider> factProviders) {
        this.contacts = contacts;
        this.factProviders = factProviders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String waId = (String) execution.getVariable(IntakeProcess.WA_ID);
        Contact contact = contacts.require(waId);
        execution.setVariable("existingCustomer", contact.customer());
        execution.setVariable("optedOut", contact.optedOut());
        execution.setVariable("customerName", contact.displayName());
        for (CustomerFactsProvider provider : factProviders) {
            provider.factsFor(waId).forEach(execution::setVariable);
        }
    }
}
