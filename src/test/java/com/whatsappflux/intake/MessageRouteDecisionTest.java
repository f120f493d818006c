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
        Map<String, Object> variables = new HashMap<>();
        variables.put("messageType", type);
        variables.put("replyId", replyId);
        variables.put("intent", intent);
        variables.put("confidence", confidence);
        variables.put("greeting", greeting);
        variables.put("attempt", attempt);
        String route = engine.evaluateDecisionTable(decision, variables).getSingleResult().getSingleEntry();
        assertThat(route).isEqualTo(expected);
    }
}
