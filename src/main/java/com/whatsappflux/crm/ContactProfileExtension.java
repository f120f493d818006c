package com.whatsappflux.crm;

import java.util.Map;

/** Adds a feature's fields to {@code GET /api/contacts/{waId}} (the lead feature adds stage, score, owner). */
public interface ContactProfileExtension {

    Map<String, Object> profileFields(String waId);
}
