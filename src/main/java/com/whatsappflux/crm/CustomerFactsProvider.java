package com.whatsappflux.crm;

import java.util.Map;

/**
 * What a feature knows about a customer that routing may use (open leads, unpaid invoices, upcoming
 * bookings …). Each feature contributes its own facts; the intake collects them all as process variables
 * that the {@code message-route} table can read.
 */
public interface CustomerFactsProvider {

    Map<String, Object> factsFor(String waId);
}
