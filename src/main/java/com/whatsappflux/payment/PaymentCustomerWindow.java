package com.whatsappflux.payment;

import org.springframework.stereotype.Component;

import com.whatsappflux.crm.ContactService;
import com.whatsappflux.system.BusinessClock;

/** {@code ${paymentCustomerWindow.isOpen(waId)}}: did the customer write in the last 24 hours? */
@Component("paymentCustomerWindow")
public class PaymentCustomerWindow {

    private final ContactService contacts;
    private final BusinessClock clock;

    public PaymentCustomerWindow(ContactService contacts, BusinessClock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    public boolean isOpen(String waId) {
        return contacts.find(waId).map(c -> c.withinServiceWindow(clock.now())).orElse(false);
    }
}
