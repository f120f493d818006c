package com.whatsappflux.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.whatsappflux.testing.FluxIntegrationTest;

/**
 * Real workflow sends (a greeting answered with the intake's menu, a staff reply) while the Graph stub fails in
 * bursts: throughput limits, 5xx, answers slower than the request timeout, 131047, an expired token. Per fault:
 * backoff between attempts, each reply accepted by "Meta" at most once (counted by the stub's 200 answers per
 * {@code biz_opaque_callback_data}), permanent failures as incidents Cockpit shows (engine REST API), and the
 * operator's retry sending exactly once after the stub healed. Job retries run at once instead of a minute on.
 */
class GraphFaultsIntegrationTest extends FluxIntegrationTest {

    private static final String MESSAGES = "/v[0-9.]+/[0-9]+/messages";
    private static final String SEND_MENU = "serviceTask_sendMenu";

    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService history;
    @Autowired
    TaskService taskService;
    @Autowired
    OutboxRepository outbox;

    @Test
    void throttleBurst_isRetriedWithGrowingBackoff_andTheMenuGoesOutOnce() {
        String waId = newCustomer();
        failInOrder(waId, error(429, 130429), error(429, 130429));
        customerWrites(waId, "hi");
        awaitIntakeEnded(waId);
        List<ServeEvent> tries = requestsTo(waId);
        assertThat(tries).extracting(e -> e.getResponse().getStatus()).containsExactly(429, 429, 200);
        // 20 ms, then 40 ms (retry-backoff doubled per attempt)
        assertThat(gapMillis(tries, 0)).isGreaterThanOrEqualTo(20);
        assertThat(gapMillis(tries, 1)).isGreaterThanOrEqualTo(40);
        assertSentOnceEach(waId);
        assertThat(callbacks(tries)).hasSize(1);
        assertThat(incidentsOf(waId)).isZero();
    }

    @Test
    void aBurstLongerThanOneJob_failsTheJobForARetryAMinuteLater_whichSendsOnce() {
        String waId = newCustomer();
        failInOrder(waId, error(429, 130429), error(500, 131000), error(429, 130429), error(429, 130429));
        customerWrites(waId, "hi");
        Job failed = awaitFailedJob(waId, 2);
        assertThat(failed.getDuedate().toInstant()).isAfter(Instant.now().plusSeconds(45)); // R3/PT1M
        assertThat(failed.getExceptionMessage()).contains("130429");
        assertThat(requestsTo(waId)).hasSize(3);

        runDueJob(managementService, failed.getId()); // the retry a minute later: one more 130429, then accepted
        awaitIntakeEnded(waId);
        assertThat(requestsTo(waId)).extracting(e -> e.getResponse().getStatus()).containsExactly(429, 500, 429, 429, 200);
        assertSentOnceEach(waId);
    }

    @Test
    void serverErrorsThatPersist_becomeAnIncidentInCockpit_andTheOperatorsRetrySendsOnceWhenHealed() {
        String waId = newCustomer();
        StubMapping outage = GRAPH.stubFor(forCustomer(waId).willReturn(aResponse().withStatus(500)));
        customerWrites(waId, "hi");
        Job job = awaitFailedJob(waId, 2);
        failAgain(job);
        failAgain(job);
        assertThat(requestsTo(waId)).hasSize(9).allMatch(e -> e.getResponse().getStatus() == 500); // 3 jobs × 3 tries

        JsonNode incidents = openIncidents(waId);
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).path("incidentType").asText()).isEqualTo("failedJob");
        assertThat(incidents.get(0).path("activityId").asText()).isEqualTo(SEND_MENU);
        assertThat(incidents.get(0).path("incidentMessage").asText()).contains("HTTP 500");
        assertThat(incidentsOf(waId)).isOne();

        GRAPH.removeStub(outage);
        operatorRetries(job);
        awaitIntakeEnded(waId);
        assertThat(openIncidents(waId)).isEmpty();
        assertSentOnceEach(waId);
        assertThat(requestsTo(waId)).hasSize(10);
    }

    @Test
    void expiredToken190_failsEachTryAtOnce_endsAsIncident_andSendsOnceAfterTheTokenIsFixed() {
        String waId = newCustomer();
        StubMapping badToken = GRAPH.stubFor(forCustomer(waId).willReturn(error(401, 190)));
        customerWrites(waId, "hi");
        Job job = awaitFailedJob(waId, 2);
        failAgain(job);
        failAgain(job);
        assertThat(requestsTo(waId)).hasSize(3); // one per try: no in-process retries against a dead token
        JsonNode incidents = openIncidents(waId);
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).path("incidentMessage").asText()).contains("#190");
        assertThat(outbox.findByCustomer(waId)).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(row.errorCode()).isEqualTo(190);
        });

        GRAPH.removeStub(badToken);
        operatorRetries(job);
        awaitIntakeEnded(waId);
        assertThat(openIncidents(waId)).isEmpty();
        assertSentOnceEach(waId);
        assertThat(outbox.findByCustomer(waId)).singleElement().satisfies(row ->
                assertThat(row.status()).isEqualTo(DeliveryStatus.ACCEPTED));
    }

    @Test
    void slowerThanTheTimeout_isInDoubt_andTheStatusWebhookKeepsTheRetryFromSendingTwice() {
        String waId = newCustomer();
        String wamid = "wamid.slow." + waId;
        StubMapping slow = GRAPH.stubFor(forCustomer(waId).willReturn(accepted(wamid)
                .withFixedDelay((int) REQUEST_TIMEOUT.toMillis() + 500)));
        customerWrites(waId, "hi");
        Job job = awaitFailedJob(waId, 2);
        assertThat(job.getExceptionMessage()).contains("did not answer");
        OutboundMessage row = outbox.findByCustomer(waId).get(0);
        assertThat(row.attempts()).isOne();
        Awaitility.await().until(() -> requestsTo(waId).size() == 1); // logged once the stub answered (too late)

        // Meta accepted it after all and says so, echoing the callback data
        assertThat(postWebhook(echoedStatusPayload(wamid, "sent", waId, "out=" + row.id())).statusCode()).isEqualTo(200);
        GRAPH.removeStub(slow);
        runDueJob(managementService, job.getId());
        awaitIntakeEnded(waId);
        assertThat(requestsTo(waId)).hasSize(1);
        assertSentOnceEach(waId);
        assertThat(outbox.findByCustomer(waId).get(0).wamid()).isEqualTo(wamid);
    }

    @Test
    void slowerThanTheTimeout_withoutAnyStatus_theRetrySendsOnceMore_theDocumentedResidualRisk() {
        String waId = newCustomer();
        StubMapping slow = GRAPH.stubFor(forCustomer(waId).willReturn(accepted("wamid.lost." + waId)
                .withFixedDelay((int) REQUEST_TIMEOUT.toMillis() + 500)));
        customerWrites(waId, "hi");
        Job job = awaitFailedJob(waId, 2);
        Awaitility.await().until(() -> requestsTo(waId).size() == 1);
        GRAPH.removeStub(slow);
        runDueJob(managementService, job.getId());
        awaitIntakeEnded(waId);
        List<ServeEvent> tries = requestsTo(waId);
        assertThat(tries).hasSize(2);
        assertThat(callbacks(tries)).hasSize(1); // the same row both times, so Meta's statuses can tell
    }

    @Test
    void reEngagement131047_onAStaffReply_sendsTheStaffReplyTemplateInstead_once() {
        String waId = newCustomer();
        GRAPH.stubFor(forCustomer(waId).withRequestBody(matchingJsonPath("$.text.body", containing("ships tomorrow")))
                .willReturn(error(400, 131047)));
        ObjectNode poll = json.createObjectNode().put("type", "unsupported");
        poll.putArray("errors").addObject().put("code", 131051).put("title", "Message type unknown");
        assertThat(postWebhook(payload(waId, "Asha", poll)).statusCode()).isEqualTo(200);
        Task task = Awaitility.await().until(() -> taskService.createTaskQuery().processInstanceBusinessKey(waId)
                .taskDefinitionKey("userTask_handleMessageManually").singleResult(), t -> t != null);
        taskService.complete(task.getId(), Map.of("staffReply", "Your TV ships tomorrow"));
        awaitIntakeEnded(waId);

        List<JsonNode> sent = sentTo(waId);
        assertThat(sent).extracting(b -> b.path("type").asText()).containsExactly("text", "text", "template");
        assertThat(sent.get(2).path("template").path("name").asText()).isEqualTo("staff_reply");
        assertThat(requestsTo(waId)).extracting(e -> e.getResponse().getStatus()).containsExactly(200, 400, 200);
        assertSentOnceEach(waId);
        assertThat(incidentsOf(waId)).isZero();
    }

    @Test
    void reEngagement131047_withoutATemplate_isNeverSentAgain_andEndsAsIncident() {
        String waId = newCustomer();
        GRAPH.stubFor(forCustomer(waId).willReturn(error(400, 131047)));
        customerWrites(waId, "hi");
        Job job = awaitFailedJob(waId, 2);
        failAgain(job);
        failAgain(job);
        assertThat(requestsTo(waId)).hasSize(1); // the retries know Meta's answer and do not ask again
        assertThat(openIncidents(waId).get(0).path("incidentMessage").asText()).contains("outsideServiceWindow");
    }

    @Test
    void aStormOfFaultsAcrossCustomers_everyMenuIsAcceptedExactlyOnce() {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            customers.add(newCustomer());
        }
        // the next eight requests, whoever they are for, fail in a mixed burst; then the stub heals
        List<ResponseDefinitionBuilder> burst = List.of(error(429, 130429), aResponse().withStatus(500),
                error(429, 130429), error(503, 131016), error(429, 130429), aResponse().withStatus(502),
                error(429, 130429), error(500, 131000));
        StringValuePattern onlyThem = matching("\\+(" + String.join("|", customers) + ")");
        String state = Scenario.STARTED;
        for (int i = 0; i < burst.size(); i++) {
            String next = "burst-" + (i + 1);
            GRAPH.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1).withRequestBody(matchingJsonPath("$.to", onlyThem))
                    .inScenario("storm").whenScenarioStateIs(state).willReturn(burst.get(i)).willSetStateTo(next));
            state = next;
        }
        customers.forEach(waId -> customerWrites(waId, "hi"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            // a customer that drew three failures in a row waits for its job's retry: run it now
            for (String waId : customers) {
                jobsWithException(waId).forEach(j -> runQuietly(j.getId()));
            }
            return customers.stream().allMatch(this::intakeEnded);
        });
        for (String waId : customers) {
            assertSentOnceEach(waId);
            assertThat(acceptedPerCallback(waId)).as(waId).hasSize(1);
        }
        long failures = customers.stream().flatMap(c -> requestsTo(c).stream())
                .filter(e -> e.getResponse().getStatus() != 200).count();
        assertThat(failures).isGreaterThanOrEqualTo(burst.size()); // concurrent requests may share a state
    }

    // ---- stub ----

    private MappingBuilder forCustomer(String waId) {
        return post(urlPathMatching(MESSAGES)).atPriority(1).withRequestBody(matchingJsonPath("$.to", equalTo("+" + waId)));
    }

    /** These answers for the customer's next requests, in order; after them the default stub accepts. */
    private void failInOrder(String waId, ResponseDefinitionBuilder... answers) {
        String scenario = "faults-" + waId;
        String state = Scenario.STARTED;
        for (int i = 0; i < answers.length; i++) {
            String next = "failed-" + (i + 1);
            GRAPH.stubFor(forCustomer(waId).inScenario(scenario).whenScenarioStateIs(state).willReturn(answers[i])
                    .willSetStateTo(next));
            state = next;
        }
    }

    private static ResponseDefinitionBuilder error(int status, int code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"message":"(#%d) error","type":"OAuthException","code":%d,
                 "error_data":{"messaging_product":"whatsapp","details":"burst"},"fbtrace_id":"AbC123"}}"""
                .formatted(code, code));
    }

    private static ResponseDefinitionBuilder accepted(String wamid) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"" + wamid + "\"}]}");
    }

    /** The stub's log of sends to this customer (not mark-as-read), oldest first. */
    private List<ServeEvent> requestsTo(String waId) {
        List<ServeEvent> events = new ArrayList<>(GRAPH.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().matches(MESSAGES))
                .filter(e -> ("+" + waId).equals(readJson(e.getRequest().getBodyAsString()).path("to").asText()))
                .toList());
        events.sort((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()));
        return events;
    }

    private long gapMillis(List<ServeEvent> events, int i) {
        return events.get(i + 1).getRequest().getLoggedDate().getTime() - events.get(i).getRequest().getLoggedDate().getTime();
    }

    private List<String> callbacks(List<ServeEvent> events) {
        return events.stream().map(e -> readJson(e.getRequest().getBodyAsString()).path("biz_opaque_callback_data").asText())
                .distinct().toList();
    }

    /** How many times the stub accepted (200) each outbox row's message: a duplicate for the customer is a 2. */
    private Map<String, Long> acceptedPerCallback(String waId) {
        return requestsTo(waId).stream().filter(e -> e.getResponse().getStatus() == 200)
                .collect(Collectors.groupingBy(e -> readJson(e.getRequest().getBodyAsString())
                        .path("biz_opaque_callback_data").asText(), Collectors.counting()));
    }

    private void assertSentOnceEach(String waId) {
        Map<String, Long> accepted = acceptedPerCallback(waId);
        assertThat(accepted).as("accepted sends per callback for " + waId).isNotEmpty();
        assertThat(accepted.values()).allMatch(n -> n == 1);
        assertThat(accepted.keySet()).allMatch(c -> c.matches("out=[0-9]+"));
    }

    // ---- engine ----

    private Job awaitFailedJob(String waId, int retriesLeft) {
        return Awaitility.await().until(() -> jobsWithException(waId).stream()
                .filter(j -> j.getRetries() == retriesLeft).findFirst().orElse(null), j -> j != null);
    }

    private List<Job> jobsWithException(String waId) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(waId).list().stream()
                .flatMap(p -> managementService.createJobQuery().processInstanceId(p.getId()).withException().list().stream())
                .filter(j -> j.getRetries() > 0)
                .toList();
    }

    private long incidentsOf(String waId) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(waId).list().stream()
                .mapToLong(p -> runtimeService.createIncidentQuery().processInstanceId(p.getId()).count()).sum();
    }

    /** The job's next retry, run now instead of a minute later; it fails again. */
    private void failAgain(Job job) {
        int before = managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries();
        assertThatThrownBy(() -> managementService.executeJob(job.getId())).isInstanceOf(RuntimeException.class);
        assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(before - 1);
    }

    private void runQuietly(String jobId) {
        try {
            runDueJob(managementService, jobId);
        } catch (RuntimeException stillFailing) {
            // the burst is not over for this customer yet; the next round runs it again
        }
    }

    /** Cockpit's "Retry" on a failed job: {@code PUT /engine-rest/job/{id}/retries}, then the job runs. */
    private void operatorRetries(Job job) {
        HttpResponse<String> response = api("PUT", "/engine-rest/job/" + job.getId() + "/retries", "{\"retries\":1}");
        assertThat(response.statusCode()).isEqualTo(204);
        runDueJob(managementService, job.getId()); // due a minute after the last failure: run it now
    }

    /** Open incidents as Cockpit lists them (engine REST API, basic auth). */
    private JsonNode openIncidents(String waId) {
        String instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(waId)
                .processDefinitionKey("message-intake").singleResult().getId();
        HttpResponse<String> response = api("GET", "/engine-rest/incident?processInstanceId=" + instance, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return readJson(response.body());
    }

    private void awaitIntakeEnded(String waId) {
        Awaitility.await().until(() -> intakeEnded(waId));
    }

    private boolean intakeEnded(String waId) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey("message-intake")
                .processInstanceBusinessKey(waId).finished().count() == 1;
    }
}
