package com.whatsappflux.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The message-route table itself, rule by rule, as analysts will change it. */
class MessageRouteDecisionTest {

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = MessageRouteDecisionTest.class.getClassLoader().getResourceAsStream("processes/message-route.dmn")) {
            decision = engine.parseDecision("message-route", in);
        }
    }

    @ParameterizedTest(name = "{0}/{1}/{2}/{3}/greeting={4}/attempt={5} → {6}")
    @CsvSource(nullValues = "null", value = {
            "unsupported, null, other, 0.0, false, 1, human",
            "unknown, null, lead, 0.99, false, 1, human",
            "list_reply, MENU_LEAD, other, 0.1, false, 1, lead",
            "button_reply, MENU_SUPPORT, other, 0.1, false, 1, support",
            "list_reply, MENU_PAYMENT, other, 0.1, false, 2, payment",
            "list_reply, MENU_BOOKING, other, 0.1, false, 1, booking",
            "text, null, opt_out, 0.99, false, 1, opt_out",
            "text, null, opt_out, 0.4, false, 1, clarify",
            "text, null, lead, 0.3, false, 2, human",
            "text, null, lead, 0.3, false, 1, clarify",
            "text, null, lead, 0.8, false, 1, lead",
            "text, null, payment, 0.8, false, 1, payment",
            "text, null, support, 0.8, false, 1, support",
            "text, null, booking, 0.8, false, 1, booking",
            "text, null, vendor, 0.8, false, 1, vendor",
            "text, null, other, 0.9, true, 1, menu",
            "text, null, other, 0.9, false, 1, acknowledge",
            "image, null, other, 0.0, false, 1, clarify"})
    void routes(String type, String replyId, String intent, double confidence, boolean greeting, int attempt,
                String expected) {
        assertThat(route(message(type, replyId, intent, confidence, greeting, attempt))).isEqualTo(expected);
    }

    /** What "Look up customer" knows settles a message the classifier is not sure about, instead of a question. */
    @ParameterizedTest(name = "{0}/{1}/{2}/unpaid={3}/upcoming={4}/openLead={5} → {6}")
    @CsvSource(nullValues = "null", value = {
            // a payment screenshot: no words, an open invoice
            "image, other, 0.0, 1, 0, false, payment",
            "document, other, 0.0, 2, 0, false, payment",
            "image, other, 0.0, 0, 0, false, clarify",
            "image, support, 0.9, 1, 0, false, support",
            "video, other, 0.0, 1, 0, false, clarify",
            // unsure guesses the customer's open work confirms
            "text, payment, 0.45, 1, 0, false, payment",
            "text, payment, 0.45, 0, 0, false, clarify",
            "text, booking, 0.45, 0, 1, false, booking",
            "text, booking, 0.45, 1, 0, false, clarify",
            "text, lead, 0.45, 0, 0, true, lead",
            "text, lead, 0.45, 0, 0, false, clarify",
            "text, support, 0.45, 3, 2, true, clarify",
            // the open work never overrides a confident answer, an opt-out or a second unclear answer without it
            "text, support, 0.9, 1, 1, true, support",
            "text, opt_out, 0.99, 1, 0, false, opt_out",
            "text, other, 0.3, 0, 0, false, clarify",
            // facts a deployment does not provide count as none
            "text, payment, 0.45, null, null, null, clarify",
            "image, other, 0.0, null, null, null, clarify"})
    void routesWithCustomerFacts(String type, String intent, double confidence, Long unpaidInvoices,
                                 Long upcomingBookings, Boolean openLead, String expected) {
        Map<String, Object> variables = message(type, null, intent, confidence, false, 1);
        variables.put("unpaidInvoices", unpaidInvoices);
        variables.put("upcomingBookings", upcomingBookings);
        variables.put("openLead", openLead);
        assertThat(route(variables)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "second unclear answer, {0} → {1}")
    @CsvSource({"payment, payment", "support, human"})
    void openWorkAlsoSettlesASecondUnclearAnswer(String intent, String expected) {
        Map<String, Object> variables = message("text", null, intent, 0.4, false, 2);
        variables.put("unpaidInvoices", 1L);
        assertThat(route(variables)).isEqualTo(expected);
    }

    private static Map<String, Object> message(String type, String replyId, String intent, double confidence,
                                               boolean greeting, int attempt) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("messageType", type);
        variables.put("replyId", replyId);
        variables.put("intent", intent);
        variables.put("confidence", confidence);
        variables.put("greeting", greeting);
        variables.put("attempt", attempt);
        return variables;
    }

    private static String route(Map<String, Object> variables) {
        return engine.evaluateDecisionTable(decision, variables).getSingleResult().getSingleEntry();
    }
}
