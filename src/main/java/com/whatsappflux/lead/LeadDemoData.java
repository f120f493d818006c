package com.whatsappflux.lead;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo: priya and rahul are the sales team on WhatsApp (round-robin, no territories). Only adds what is missing. */
@Component
@Profile("demo")
@Order(33)
class LeadDemoData implements ApplicationRunner {

    static final String PRIYA_WA_ID = "919800000101";
    static final String RAHUL_WA_ID = "919800000102";

    private final SalesOwners owners;

    LeadDemoData(SalesOwners owners) {
        this.owners = owners;
    }

    @Override
    public void run(ApplicationArguments args) {
        owners.ensure("priya", PRIYA_WA_ID, null);
        owners.ensure("rahul", RAHUL_WA_ID, null);
    }
}
