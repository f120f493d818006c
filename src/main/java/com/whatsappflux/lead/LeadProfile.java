package com.whatsappflux.lead;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.whatsappflux.crm.ContactProfileExtension;
import com.whatsappflux.crm.CustomerFactsProvider;

/** The lead's face elsewhere: leadStage/leadScore/owner on GET /api/contacts/{waId}, openLead for routing. */
@Component
class LeadProfile implements ContactProfileExtension, CustomerFactsProvider {

    private final LeadService leads;

    LeadProfile(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public Map<String, Object> profileFields(String waId) {
        Map<String, Object> fields = new HashMap<>();
        Lead lead = leads.latestFor(waId).orElse(null);
        fields.put("leadStage", lead == null ? null : lead.stage());
        fields.put("leadScore", lead == null ? null : lead.score());
        fields.put("owner", lead == null ? null : lead.owner());
        return fields;
    }

    @Override
    public Map<String, Object> factsFor(String waId) {
        return Map.of("openLead", leads.hasOpenLead(waId));
    }
}
