package com.whatsappflux.intake;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import com.whatsappflux.testing.FluxIntegrationTest;

/**
 * When more customers wait than inbox workers are free, a worker routes the next message of several customers in
 * one transaction. Each message still gets its own intake and workflow, each customer's messages stay in order,
 * and a message that fails takes none of the others of its round down: the round is rolled back and each message
 * is routed again on its own.
 */
class InboxBatchRoutingTest extends FluxIntegrationTest {

    @Autowired
    InboxDispatcher dispatcher;
    @Autowired
    InboxRouting routing;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HistoryService history;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void pauseDispatcher() {
        dispatcher.stop(); // the messages wait in the inbox until the test routes them
    }

    @AfterEach
    void resumeDispatcher() {
        dispatcher.start();
    }

    @Test
    void theNextMessageOfSeveralCustomersIsRoutedInOneTransaction() {
        String lead = newCustomer();
        String support = newCustomer();
        String payment = newCustomer();
        customerWrites(lead, "Hi, interested in pricing of your 43 inch TV");
        customerWrites(support, "where is my order? it was due yesterday");
        customerWrites(support, "please reply");
        customerWrites(payment, "payment done, UTR 412345678901");
        long roundsBefore = rounds().count();
        double routedTogetherBefore = rounds().totalAmount();

        List<String> more = routing.routeRound(List.of(key(lead), key(support), key(payment)));

        assertThat(more).as("the customer with a second message waiting").containsExactly(key(support));
        assertThat(rounds().count()).isEqualTo(roundsBefore + 1);
        assertThat(rounds().totalAmount()).isEqualTo(routedTogetherBefore + 3);
        assertThat(statuses(lead)).containsExactly("PROCESSED");
        assertThat(statuses(support)).as("oldest first").containsExactly("PROCESSED", "RECEIVED");
        assertThat(statuses(payment)).containsExactly("PROCESSED");
        List<Object> instances = jdbc.queryForList("SELECT process_instance_id FROM inbound_message "
                + "WHERE wa_id IN (?, ?, ?) AND status = 'PROCESSED'", Object.class, lead, support, payment);
        assertThat(instances).hasSize(3).doesNotContainNull().doesNotHaveDuplicates();
        for (String customer : List.of(lead, support, payment)) {
            assertThat(intakes(customer)).as("one intake for " + customer).isOne();
        }

        assertThat(routing.routeRound(List.of(key(support)))).isEmpty();
        assertThat(statuses(support)).containsExactly("PROCESSED", "PROCESSED");
        // the workflows were started for real: each customer hears back, and sees each message read once
        for (String customer : List.of(lead, support, payment)) {
            awaitSent(customer, 1);
            for (String wamid : wamids(customer)) {
                Awaitility.await().until(() -> readReceipts(wamid) >= 1);
                assertThat(readReceipts(wamid)).isOne();
            }
        }
    }

    @Test
    void aMessageThatFailsIsRetriedAloneAndTheOthersOfItsRoundAreRouted() {
        String first = newCustomer();
        String broken = newCustomer();
        String last = newCustomer();
        customerWrites(first, "Hi, interested in pricing of your 43 inch TV");
        customerWrites(broken, "kal free ho? appointment chahiye");
        customerWrites(last, "where is my order?");
        jdbc.update("UPDATE inbound_message SET message_json = 'not json' WHERE wa_id = ?", broken);
        long roundsBefore = rounds().count();
        double fallbacksBefore = meters.get("flux.intake.round.fallbacks").counter().count();

        List<String> more = routing.routeRound(List.of(key(first), key(broken), key(last)));

        assertThat(more).isEmpty();
        assertThat(rounds().count()).as("the round was rolled back").isEqualTo(roundsBefore);
        assertThat(meters.get("flux.intake.round.fallbacks").counter().count()).isEqualTo(fallbacksBefore + 1);
        assertThat(statuses(first)).containsExactly("PROCESSED");
        assertThat(statuses(last)).containsExactly("PROCESSED");
        assertThat(intakes(first)).as("the rolled-back round left no intake behind").isOne();
        assertThat(intakes(last)).isOne();
        Map<String, Object> failed = jdbc.queryForMap("SELECT status, attempts, error FROM inbound_message WHERE wa_id = ?",
                broken);
        assertThat(failed).containsEntry("STATUS", "RECEIVED");
        assertThat(((Number) failed.get("ATTEMPTS")).intValue()).as("one attempt, spent alone").isOne();
        assertThat((String) failed.get("ERROR")).contains("is not JSON");
        assertThat(intakes(broken)).isZero();
        for (String customer : List.of(first, last)) {
            String wamid = wamids(customer).get(0);
            Awaitility.await().until(() -> readReceipts(wamid) >= 1);
            assertThat(readReceipts(wamid)).isOne();
        }
        assertThat(readReceipts(wamids(broken).get(0))).isZero();
    }

    private DistributionSummary rounds() {
        return meters.get("flux.intake.round.messages").summary();
    }

    private String key(String waId) {
        return jdbc.queryForList("SELECT customer_key FROM inbound_message WHERE wa_id = ?", String.class, waId).get(0);
    }

    private List<String> statuses(String waId) {
        return jdbc.queryForList("SELECT status FROM inbound_message WHERE wa_id = ? ORDER BY id", String.class, waId);
    }

    private List<String> wamids(String waId) {
        return jdbc.queryForList("SELECT wamid FROM inbound_message WHERE wa_id = ? ORDER BY id", String.class, waId);
    }

    private long intakes(String waId) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(IntakeProcess.KEY)
                .processInstanceBusinessKey(key(waId)).count();
    }

    private int readReceipts(String wamid) {
        return GRAPH.findAll(postRequestedFor(urlPathMatching("/v[0-9.]+/[0-9]+/messages"))
                .withRequestBody(matchingJsonPath("$.status", equalTo("read")))
                .withRequestBody(matchingJsonPath("$.message_id", equalTo(wamid))))
                .size();
    }
}
