package com.whatsappflux.lead;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.whatsappflux.testing.FluxIntegrationTest;

/**
 * From signed webhooks through the qualification answers to the "Close hot lead" task, completed over the REST API
 * as Tasklist would; the CRM (GET /api/contacts) and the signed outbound CRM webhook (a path on the Graph stub,
 * first delivery answered 500 to prove the retry and the idempotency key) are checked.
 */
class LeadEndToEndTest extends FluxIntegrationTest {

    static final String HOOK = "/crm-hook";
    static final String SECRET = "crm-test-secret";

    @Autowired
    CrmWebhookSettings webhooks;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @BeforeEach
    void crmWebhookReceiver() {
        webhooks.setUrls(GRAPH.baseUrl() + HOOK);
        webhooks.setSecret(SECRET);
        webhooks.setBackoff(Duration.ofMillis(100));
        GRAPH.stubFor(post(urlPathEqualTo(HOOK)).inScenario("crm").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        GRAPH.stubFor(post(urlPathEqualTo(HOOK)).inScenario("crm").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));
    }

    @AfterEach
    void noWebhook() {
        webhooks.setUrls("");
        webhooks.setSecret("");
    }

    /**
     * Under load the workflows' jobs wait behind the inbox, so a customer's second message can reach the lead before
     * "Record lead in CRM" has run: it is taken up all the same, and the lead counts both messages.
     */
    @Test
    void writingAgainBeforeTheLeadIsRecorded_oneLeadWithBothMessages() {
        var jobExecutor = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration()).getJobExecutor();
        String waId = newCustomer();
        jobExecutor.shutdown();
        try {
            customerWrites(waId, "Hi, interested in pricing of your 43 inch TV");
            customerWrites(waId, "also need a soundbar, what is the price?");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                    "SELECT status FROM inbound_message WHERE wa_id = ?", String.class, waId).stream()
                    .filter("PROCESSED"::equals).count() == 2);
        } finally {
            jobExecutor.start();
        }
        assertThat(jdbc.queryForList("SELECT error FROM inbound_message WHERE wa_id = ? AND error IS NOT NULL",
                String.class, waId)).as("neither message failed on the way").isEmpty();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "SELECT message_count FROM sales_lead WHERE wa_id = ?", Integer.class, waId).equals(List.of(2)));
        assertThat(jdbc.queryForObject("SELECT last_message FROM sales_lead WHERE wa_id = ?", String.class, waId))
                .isEqualTo("also need a soundbar, what is the price?");
        awaitSent(waId, 2);
        String customer = jdbc.queryForList("SELECT customer_key FROM inbound_message WHERE wa_id = ?", String.class, waId).get(0);
        for (var instance : engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(customer).list()) {
            assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
                    .as(instance.getProcessDefinitionKey()).isZero();
        }
    }

    @Test
    void hotLeadFromWebhooksToClosedTask_crmAndWebhookUpdated() throws Exception {
        String waId = newCustomer();
        customerWrites(waId, "Hi, what is the price of the 55 inch smart TV? I want to buy one");
        List<JsonNode> sent = awaitSent(waId, 2);
        assertThat(sent.get(1).path("interactive").path("type").asText()).isEqualTo("list");
        assertThat(sent.get(1).toString()).contains("LEAD_NEED_Television");

        awaitWaitingForAnswer(waId);
        postWebhook(payload(waId, "Test Customer", listReply("LEAD_NEED_Television", "Television", null)));
        sent = awaitSent(waId, 3);
        assertThat(sent.get(2).path("interactive").path("type").asText()).isEqualTo("button");
        assertThat(sent.get(2).toString()).contains("LEAD_BUDGET_ABOVE_50K");

        awaitWaitingForAnswer(waId);
        customerWrites(waId, "around 2 lakh");
        sent = awaitSent(waId, 4);
        assertThat(sent.get(3).toString()).contains("LEAD_TIMELINE_TODAY");

        awaitWaitingForAnswer(waId);
        postWebhook(payload(waId, "Test Customer", buttonReply("LEAD_TIMELINE_TODAY", "Today", null)));
        sent = awaitSent(waId, 5);
        assertThat(sent.get(4).path("type").asText()).isEqualTo("text");

        awaitWaitingForAnswer(waId);
        customerWrites(waId, "560034");
        sent = awaitSent(waId, 6);
        assertThat(sent.get(5).path("text").path("body").asText()).contains("sales team will call you");

        JsonNode task = awaitTask(waId);
        assertThat(task.path("name").asText()).isEqualTo("Close hot lead");
        assertThat(task.path("due").isNull()).isFalse();
        String owner = task.path("assignee").asText();
        assertThat(owner).isIn("priya", "rahul");
        String ownerWaId = "priya".equals(owner) ? LeadDemoData.PRIYA_WA_ID : LeadDemoData.RAHUL_WA_ID;
        JsonNode notification = awaitSent(ownerWaId, 1).get(0);
        assertThat(notification.toString()).contains(waId).contains("Television");

        JsonNode variables = readJson(api("GET", "/engine-rest/task/" + task.path("id").asText() + "/variables", null).body());
        assertThat(variables.path("leadAnswers").path("value").asText()).contains("Television", "around 2 lakh", "Today", "560034");
        assertThat(variables.path("customerHistory").path("value").asText()).contains("First enquiry");
        assertThat(variables.path("transcript").path("value").asText()).contains("55 inch");

        JsonNode contact = readJson(api("GET", "/api/contacts/" + waId, null).body());
        assertThat(contact.path("leadStage").asText()).isEqualTo("QUALIFIED");
        assertThat(contact.path("leadScore").asText()).isEqualTo("hot");
        assertThat(contact.path("owner").asText()).isEqualTo(owner);

        HttpResponse<String> completed = api("POST", "/engine-rest/task/" + task.path("id").asText() + "/complete",
                "{\"variables\":{\"outcome\":{\"value\":\"won\"},\"dealValue\":{\"value\":58000},"
                        + "\"outcomeNotes\":{\"value\":\"Advance paid in store\"}}}");
        assertThat(completed.statusCode()).isEqualTo(204);
        Awaitility.await().until(() -> "WON".equals(readJson(api("GET", "/api/contacts/" + waId, null).body())
                .path("leadStage").asText()));

        // the outbound CRM webhook: every change once, signed, with the idempotency key = event id
        Awaitility.await().until(() -> events(waId).stream().anyMatch(e -> e.path("lead").path("stage").asText().equals("WON")));
        List<LoggedRequest> requests = hookRequests(waId);
        for (LoggedRequest request : requests) {
            JsonNode event = readJson(request.getBodyAsString());
            assertThat(request.getHeader("Idempotency-Key")).isEqualTo(event.path("id").asText());
            assertThat(request.getHeader("X-Flux-Signature"))
                    .isEqualTo("sha256=" + CrmWebhookWorker.sign(request.getBodyAsString(), SECRET));
        }
        List<JsonNode> events = events(waId);
        assertThat(events.get(0).path("type").asText()).isEqualTo("lead.created");
        assertThat(events.get(0).path("lead").path("source").asText()).isEqualTo("organic");
        assertThat(events).extracting(e -> e.path("type").asText()).contains("lead.updated", "lead.stage_changed");
        JsonNode won = events.get(events.size() - 1);
        assertThat(won.path("type").asText()).isEqualTo("lead.stage_changed");
        assertThat(won.path("lead").path("value").decimalValue()).isEqualByComparingTo("58000");
        assertThat(won.path("lead").path("owner").asText()).isEqualTo(owner);
        Map<String, Long> deliveriesPerKey = requests.stream()
                .collect(Collectors.groupingBy(r -> r.getHeader("Idempotency-Key"), Collectors.counting()));
        assertThat(deliveriesPerKey.values()).allMatch(n -> n <= 2); // at most the one 500 + its successful retry
        assertThat(deliveriesPerKey.values().stream().filter(n -> n == 2).count()).isLessThanOrEqualTo(1);
        assertThat(requests).hasSize(events.size() + (int) deliveriesPerKey.values().stream().filter(n -> n == 2).count());
    }

    @Test
    void questionsAreBusinessConfiguration() {
        HttpResponse<String> list = api("GET", "/api/lead/questions", null);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode questions = readJson(list.body());
        assertThat(questions).extracting(q -> q.path("key").asText()).containsExactly("need", "budget", "timeline", "location");
        assertThat(api("PUT", "/api/lead/questions", list.body()).statusCode()).isEqualTo(200);
        assertThat(api("PUT", "/api/lead/questions", "[]").statusCode()).isEqualTo(400);
        assertThat(api("GET", "/api/lead/questions", null, null, null).statusCode()).isEqualTo(401);
    }

    /** The question is sent before its job commits the wait: a real customer takes seconds, the test must wait. */
    private void awaitWaitingForAnswer(String waId) {
        Awaitility.await().until(() -> {
            JsonNode instances = readJson(api("GET", "/engine-rest/process-instance?processDefinitionKey=lead-capture&businessKey="
                    + waId, null).body());
            return instances.size() == 1 && readJson(api("GET", "/engine-rest/event-subscription?eventName=customerReplied"
                    + "&processInstanceId=" + instances.get(0).path("id").asText(), null).body()).size() == 1;
        });
    }

    private JsonNode awaitTask(String waId) {
        Awaitility.await().until(() -> readJson(api("GET", "/engine-rest/task?processDefinitionKey=lead-capture"
                + "&processInstanceBusinessKey=" + waId, null).body()).size() == 1);
        return readJson(api("GET", "/engine-rest/task?processDefinitionKey=lead-capture&processInstanceBusinessKey=" + waId,
                null).body()).get(0);
    }

    private List<LoggedRequest> hookRequests(String waId) {
        return GRAPH.findAll(postRequestedFor(urlPathEqualTo(HOOK))).stream()
                .filter(r -> readJson(r.getBodyAsString()).path("lead").path("waId").asText().equals(waId)).toList();
    }

    /** Distinct events (by id) for this customer, in the order they were first sent. */
    private List<JsonNode> events(String waId) {
        Map<String, JsonNode> byId = new java.util.LinkedHashMap<>();
        hookRequests(waId).forEach(r -> {
            JsonNode e = readJson(r.getBodyAsString());
            byId.putIfAbsent(e.path("id").asText(), e);
        });
        return List.copyOf(byId.values());
    }
}
