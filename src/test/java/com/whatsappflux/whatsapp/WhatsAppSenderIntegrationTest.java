package com.whatsappflux.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.whatsappflux.crm.ContactService;
import com.whatsappflux.testing.FluxIntegrationTest;

/** The exact Graph API requests for every send type, retries and permanent failures, and the 24-hour rule. */
class WhatsAppSenderIntegrationTest extends FluxIntegrationTest {

    private static final String MESSAGES = "/v23.0/" + PHONE_NUMBER_ID + "/messages";

    @Autowired
    WhatsAppSender sender;
    @Autowired
    ContactService contacts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OutboxRepository outbox;

    private String waId;

    @BeforeEach
    void customerWroteRecently() {
        waId = newCustomer();
        contacts.recordInbound(waId, null, "Asha", PHONE_NUMBER_ID, Instant.now().minus(1, ChronoUnit.HOURS));
    }

    @Test
    void text_isSentWithBearerTokenToTheNumberTheCustomerWroteTo() {
        OutboundMessage sent = sender.send(SendRequest.of(waId, OutboundContent.text("Namaste! Price is ₹28,990"), key()));
        assertThat(sent.status()).isEqualTo(DeliveryStatus.ACCEPTED);
        assertThat(sent.wamid()).startsWith("wamid.");
        GRAPH.verify(postRequestedFor(urlEqualTo(MESSAGES))
                .withHeader("Authorization", equalTo("Bearer test-access-token"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"messaging_product":"whatsapp","recipient_type":"individual","biz_opaque_callback_data":"${json-unit.regex}out=[0-9]+","to":"+%s","type":"text",
                         "text":{"body":"Namaste! Price is ₹28,990","preview_url":false}}""".formatted(waId))));
    }

    @Test
    void replyGoesOutFromTheSecondNumber_whenTheCustomerWroteToIt() {
        contacts.recordInbound(waId, null, "Asha", SECOND_PHONE_NUMBER_ID, Instant.now());
        sender.send(SendRequest.of(waId, OutboundContent.text("hi"), key()));
        GRAPH.verify(postRequestedFor(urlEqualTo("/v23.0/" + SECOND_PHONE_NUMBER_ID + "/messages")));
    }

    @Test
    void replyButtons_listAndContextualReply() {
        sender.send(SendRequest.of(waId, OutboundContent.buttons("Did this solve it?", List.of(
                new OutboundContent.Button("SOLVED", "Yes"), new OutboundContent.Button("HUMAN", "Talk to a person")),
                "Sai Electronics"), key()).replyingTo("wamid.customer1"));
        GRAPH.verify(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","biz_opaque_callback_data":"${json-unit.regex}out=[0-9]+","to":"+%s","type":"interactive",
                 "interactive":{"type":"button","body":{"text":"Did this solve it?"},"footer":{"text":"Sai Electronics"},
                   "action":{"buttons":[{"type":"reply","reply":{"id":"SOLVED","title":"Yes"}},
                                        {"type":"reply","reply":{"id":"HUMAN","title":"Talk to a person"}}]}},
                 "context":{"message_id":"wamid.customer1"}}""".formatted(waId))));

        GRAPH.resetRequests();
        sender.send(SendRequest.of(waId, OutboundContent.list("Pick a slot", "See slots", List.of(
                new OutboundContent.Section("Tomorrow", List.of(new OutboundContent.Row("slot_1", "Thu 10:00 AM", "Store demo")))),
                null), key()));
        GRAPH.verify(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","biz_opaque_callback_data":"${json-unit.regex}out=[0-9]+","to":"+%s","type":"interactive",
                 "interactive":{"type":"list","body":{"text":"Pick a slot"},
                   "action":{"button":"See slots","sections":[{"title":"Tomorrow",
                     "rows":[{"id":"slot_1","title":"Thu 10:00 AM","description":"Store demo"}]}]}}}""".formatted(waId))));
    }

    @Test
    void templateDocumentImageAndReaction() {
        sender.send(SendRequest.of(waId, OutboundContent.template("payment_reminder", "hi",
                List.of("Asha", "₹1,800"), List.of("PAID")), key()));
        GRAPH.verify(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","biz_opaque_callback_data":"${json-unit.regex}out=[0-9]+","to":"+%s","type":"template",
                 "template":{"name":"payment_reminder","language":{"code":"hi"},"components":[
                   {"type":"body","parameters":[{"type":"text","text":"Asha"},{"type":"text","text":"₹1,800"}]},
                   {"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"PAID"}]}]}}
                """.formatted(waId))));
        GRAPH.resetRequests();
        sender.send(SendRequest.of(waId, OutboundContent.document("https://example.in/inv.pdf", "INV-1.pdf", "Invoice"), key()));
        GRAPH.verify(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","biz_opaque_callback_data":"${json-unit.regex}out=[0-9]+","to":"+%s","type":"document",
                 "document":{"link":"https://example.in/inv.pdf","filename":"INV-1.pdf","caption":"Invoice"}}""".formatted(waId))));
        GRAPH.resetRequests();
        sender.send(SendRequest.of(waId, OutboundContent.image("https://example.in/tv.jpg", "43 inch"), key()));
        GRAPH.verify(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","biz_opaque_callback_data":"${json-unit.regex}out=[0-9]+","to":"+%s","type":"image",
                 "image":{"link":"https://example.in/tv.jpg","caption":"43 inch"}}""".formatted(waId))));
        GRAPH.resetRequests();
        sender.send(SendRequest.of(waId, OutboundContent.reaction("wamid.customer1", "👍"), key()));
        GRAPH.verify(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","biz_opaque_callback_data":"${json-unit.regex}out=[0-9]+","to":"+%s","type":"reaction",
                 "reaction":{"message_id":"wamid.customer1","emoji":"👍"}}""".formatted(waId))));
    }

    @Test
    void markAsReadSendsTheReadStatus() {
        assertThat(sender.markRead(PHONE_NUMBER_ID, "wamid.in.1").join()).isTrue();
        GRAPH.verify(exactly(1), postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","status":"read","message_id":"wamid.in.1"}""")));
    }

    @Test
    void limitsAreCheckedBeforeAnythingIsRecordedOrSent() {
        assertThatThrownBy(() -> OutboundContent.buttons("x", List.of(new OutboundContent.Button("a", "1"),
                new OutboundContent.Button("b", "2"), new OutboundContent.Button("c", "3"), new OutboundContent.Button("d", "4")), null))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("1 to 3");
        assertThatThrownBy(() -> OutboundContent.buttons("x", List.of(new OutboundContent.Button("a", "This title is far too long")), null))
                .hasMessageContaining("longer than 20");
        assertThatThrownBy(() -> OutboundContent.text("x".repeat(4097))).hasMessageContaining("4096");
        assertThatThrownBy(() -> OutboundContent.template("Bad Name", "en", List.of(), null)).hasMessageContaining("template name");
        assertThatThrownBy(() -> OutboundContent.template("ok_name", "en", List.of("two\nlines"), null)).hasMessageContaining("newlines");
        GRAPH.verify(exactly(0), postRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void sameIdempotencyKeyIsSentOnce() {
        String key = key();
        OutboundMessage first = sender.send(SendRequest.of(waId, OutboundContent.text("once"), key));
        OutboundMessage again = sender.send(SendRequest.of(waId, OutboundContent.text("once"), key));
        assertThat(again.wamid()).isEqualTo(first.wamid());
        GRAPH.verify(exactly(1), postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @ParameterizedTest(name = "Graph error {0} is retried and then succeeds")
    @ValueSource(ints = {130429, 131056, 131000, 131016, 4, 80007, 131057})
    void retryableErrorsBackOffAndRetry(int code) {
        failTwiceThenSucceed(400, code);
        OutboundMessage sent = sender.send(SendRequest.of(waId, OutboundContent.text("retry me"), key()));
        assertThat(sent.status()).isEqualTo(DeliveryStatus.ACCEPTED);
        GRAPH.verify(exactly(3), postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void serverErrorsWithoutBodyAreRetried_andAPersistentOneFailsTheJobForALaterRetry() {
        GRAPH.stubFor(post(urlEqualTo(MESSAGES)).atPriority(1).willReturn(aResponse().withStatus(503)));
        String key = key();
        assertThatThrownBy(() -> sender.send(SendRequest.of(waId, OutboundContent.text("x"), key)))
                .isInstanceOf(SendFailure.class).matches(e -> ((SendFailure) e).retryable());
        GRAPH.verify(exactly(3), postRequestedFor(urlEqualTo(MESSAGES)));
        assertThat(status(key)).isEqualTo("PENDING");
        GRAPH.resetMappings();
        graphAnswersLikeMeta();
        assertThat(sender.send(SendRequest.of(waId, OutboundContent.text("x"), key)).status()).isEqualTo(DeliveryStatus.ACCEPTED);
    }

    @ParameterizedTest(name = "Graph error {0} fails at once and is remembered")
    @ValueSource(ints = {131026, 131051, 132000, 132001, 132005, 132007, 132012, 132016, 100})
    void permanentErrorsFailFastWithTheCodeKept(int code) {
        GRAPH.stubFor(post(urlEqualTo(MESSAGES)).atPriority(1).willReturn(error(400, code)));
        String key = key();
        assertThatThrownBy(() -> sender.send(SendRequest.of(waId, OutboundContent.text("x"), key)))
                .isInstanceOf(SendFailure.class)
                .matches(e -> ((SendFailure) e).graphErrorCode() == code && !((SendFailure) e).retryable())
                .matches(e -> SendFailure.REJECTED.equals(((SendFailure) e).bpmnErrorCode()));
        GRAPH.verify(exactly(1), postRequestedFor(urlEqualTo(MESSAGES)));
        assertThat(jdbc.queryForObject("SELECT error_code FROM outbound_message WHERE idempotency_key = ?", Integer.class, key))
                .isEqualTo(code);
        // a retry of the job does not hammer WhatsApp with a message it refused for good
        assertThatThrownBy(() -> sender.send(SendRequest.of(waId, OutboundContent.text("x"), key))).isInstanceOf(SendFailure.class);
        GRAPH.verify(exactly(1), postRequestedFor(urlEqualTo(MESSAGES)));
        if (code == 131026) {
            assertThat(contacts.find(waId).orElseThrow().unreachable()).isTrue();
        }
    }

    @Test
    void badTokenFailsFast_butIsSentAgainOnceTheOwnerFixedIt() {
        GRAPH.stubFor(post(urlEqualTo(MESSAGES)).atPriority(1).willReturn(error(401, 190)));
        String key = key();
        assertThatThrownBy(() -> sender.send(SendRequest.of(waId, OutboundContent.text("x"), key))).isInstanceOf(SendFailure.class);
        GRAPH.verify(exactly(1), postRequestedFor(urlEqualTo(MESSAGES)));
        GRAPH.resetMappings();
        graphAnswersLikeMeta();
        assertThat(sender.send(SendRequest.of(waId, OutboundContent.text("x"), key)).status()).isEqualTo(DeliveryStatus.ACCEPTED);
    }

    @Test
    void reEngagementErrorFromMetaBecomesTheOutsideWindowFailure() {
        GRAPH.stubFor(post(urlEqualTo(MESSAGES)).atPriority(1).willReturn(error(400, 131047)));
        assertThatThrownBy(() -> sender.send(SendRequest.of(waId, OutboundContent.text("x"), key())))
                .isInstanceOf(SendFailure.class)
                .matches(e -> SendFailure.OUTSIDE_SERVICE_WINDOW.equals(((SendFailure) e).bpmnErrorCode()));
    }

    @Test
    void outsideThe24HourWindow_freeFormFailsClearly_andTheTemplateGoesInstead() {
        jdbc.update("UPDATE contact SET last_inbound_at = ? WHERE customer_key = ?",
                Timestamp.from(Instant.now().minus(25, ChronoUnit.HOURS)), waId);
        assertThatThrownBy(() -> sender.send(SendRequest.of(waId, OutboundContent.text("late"), key())))
                .isInstanceOf(SendFailure.class)
                .matches(e -> SendFailure.OUTSIDE_SERVICE_WINDOW.equals(((SendFailure) e).bpmnErrorCode()));
        GRAPH.verify(exactly(0), postRequestedFor(urlEqualTo(MESSAGES)));

        sender.send(SendRequest.of(waId, OutboundContent.text("late"), key())
                .withTemplateFallback(OutboundContent.template("staff_reply", "en", List.of("Sai", "late"), null)));
        GRAPH.verify(exactly(1), postRequestedFor(urlEqualTo(MESSAGES))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.type", equalTo("template"))));
    }

    @Test
    void marketingNeverReachesAnOptedOutContact() {
        contacts.optOut(waId, "test");
        assertThatThrownBy(() -> sender.send(SendRequest.of(waId, OutboundContent.template("diwali_offer", "en", null, null), key())
                .asMarketing()))
                .isInstanceOf(SendFailure.class).matches(e -> SendFailure.OPTED_OUT.equals(((SendFailure) e).bpmnErrorCode()));
        GRAPH.verify(exactly(0), postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void everySendCarriesItsOutboxRowAsCallbackData_andTheRowKeepsTheExactBody() {
        OutboundMessage sent = sender.send(SendRequest.of(waId, OutboundContent.text("hello"), key()));
        String callback = "out=" + sent.id();
        GRAPH.verify(exactly(1), postRequestedFor(urlEqualTo(MESSAGES))
                .withRequestBody(matchingJsonPath("$.biz_opaque_callback_data", equalTo(callback))));
        assertThat(readJson(sent.requestJson()).path("biz_opaque_callback_data").asText()).isEqualTo(callback);
    }

    @Test
    void timeoutIsInDoubt_notRetriedAtOnce_andAStatusEchoingTheCallbackMeansTheRetryDoesNotSendAgain() {
        String wamid = "wamid.late." + waId;
        StubMapping slow = GRAPH.stubFor(post(urlEqualTo(MESSAGES)).atPriority(1).willReturn(accepted(wamid)
                .withFixedDelay((int) REQUEST_TIMEOUT.toMillis() + 500)));
        String key = key();
        assertThatThrownBy(() -> sender.send(SendRequest.of(waId, OutboundContent.text("your order shipped"), key)))
                .isInstanceOf(SendFailure.class).matches(e -> ((SendFailure) e).retryable())
                .hasMessageContaining("did not answer");
        OutboundMessage inDoubt = outbox.findByKey(key).orElseThrow();
        assertThat(inDoubt.attempts()).isOne(); // no quick second try that could duplicate it
        awaitRequests(1); // WireMock logs a delayed request once it has answered
        assertThat(inDoubt.status()).isEqualTo(DeliveryStatus.SENDING);
        assertThat(inDoubt.wamid()).isNull();
        assertThat(inDoubt.errorMessage()).startsWith("in doubt");

        // Meta did accept it: its status webhook echoes our callback data
        assertThat(postWebhook(echoedStatusPayload(wamid, "sent", waId, "out=" + inDoubt.id())).statusCode()).isEqualTo(200);
        OutboundMessage reconciled = outbox.findByKey(key).orElseThrow();
        assertThat(reconciled.wamid()).isEqualTo(wamid);
        assertThat(reconciled.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(jdbc.queryForObject("SELECT known FROM message_status WHERE wamid = ?", Boolean.class, wamid)).isTrue();

        GRAPH.removeStub(slow); // healed: the retry would be answered at once
        OutboundMessage retried = sender.send(SendRequest.of(waId, OutboundContent.text("your order shipped"), key));
        assertThat(retried.wamid()).isEqualTo(wamid);
        GRAPH.verify(exactly(1), postRequestedFor(urlEqualTo(MESSAGES)));
        // later statuses find it by wamid and move it forward only
        postWebhook(echoedStatusPayload(wamid, "delivered", waId, "out=" + inDoubt.id()));
        assertThat(outbox.findByKey(key).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void timeoutWithoutAnyStatus_theRetrySendsOnceMore_withTheSameCallbackData() {
        StubMapping slow = GRAPH.stubFor(post(urlEqualTo(MESSAGES)).atPriority(1).willReturn(accepted("wamid.lost." + waId)
                .withFixedDelay((int) REQUEST_TIMEOUT.toMillis() + 500)));
        String key = key();
        assertThatThrownBy(() -> sender.send(SendRequest.of(waId, OutboundContent.text("x"), key))).isInstanceOf(SendFailure.class);
        GRAPH.removeStub(slow);
        OutboundMessage sent = sender.send(SendRequest.of(waId, OutboundContent.text("x"), key));
        assertThat(sent.status()).isEqualTo(DeliveryStatus.ACCEPTED);
        assertThat(sent.attempts()).isEqualTo(2);
        awaitRequests(2);
        List<String> callbacks = requestsToThisCustomer().stream()
                .map(body -> body.path("biz_opaque_callback_data").asText()).toList();
        assertThat(callbacks).containsExactly("out=" + sent.id(), "out=" + sent.id());
        // the first attempt's status, should it come after all, is kept but changes nothing
        postWebhook(echoedStatusPayload("wamid.lost." + waId, "sent", waId, "out=" + sent.id()));
        assertThat(outbox.findByKey(key).orElseThrow().wamid()).isEqualTo(sent.wamid());
    }

    @Test
    void aStatusEchoingTheCallbackOfAnotherRecipientsMessageAttachesNothing() {
        GRAPH.stubFor(post(urlEqualTo(MESSAGES)).atPriority(1).willReturn(aResponse().withStatus(503)));
        String key = key();
        assertThatThrownBy(() -> sender.send(SendRequest.of(waId, OutboundContent.text("x"), key))).isInstanceOf(SendFailure.class);
        long id = outbox.findByKey(key).orElseThrow().id();
        postWebhook(echoedStatusPayload("wamid.forged." + waId, "read", "919000000001", "out=" + id));
        assertThat(outbox.findByKey(key).orElseThrow().wamid()).isNull();
        assertThat(jdbc.queryForObject("SELECT known FROM message_status WHERE wamid = ?", Boolean.class,
                "wamid.forged." + waId)).isFalse();
    }

    @Test
    void expiredTokenIsATechnicalFailure_notABusinessOutcome() {
        GRAPH.stubFor(post(urlEqualTo(MESSAGES)).atPriority(1).willReturn(error(401, 190)));
        assertThatThrownBy(() -> sender.send(SendRequest.of(waId, OutboundContent.text("x"), key())))
                .isInstanceOf(SendFailure.class)
                .matches(e -> ((SendFailure) e).bpmnErrorCode() == null && ((SendFailure) e).retryable())
                .matches(e -> ((SendFailure) e).graphErrorCode() == 190);
    }

    @Test
    void reEngagementErrorWithATemplateGiven_sendsTheTemplateInstead_onceEvenWhenRetried() {
        GRAPH.stubFor(post(urlEqualTo(MESSAGES)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.type", equalTo("text"))).willReturn(error(400, 131047)));
        String key = key();
        SendRequest request = SendRequest.of(waId, OutboundContent.text("late answer"), key)
                .withTemplateFallback(OutboundContent.template("staff_reply", "en", List.of("Sai", "late answer"), null));
        OutboundMessage sent = sender.send(request);
        assertThat(sent.type()).isEqualTo("template");
        assertThat(sent.idempotencyKey()).isEqualTo(key + ":template");
        assertThat(outbox.findByKey(key).orElseThrow().errorCode()).isEqualTo(131047);
        assertThat(sender.send(request).id()).isEqualTo(sent.id());
        GRAPH.verify(exactly(1), postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.type", equalTo("text"))));
        GRAPH.verify(exactly(1), postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.type", equalTo("template"))));
    }

    /** Only this test's customer: work left running by earlier tests may send to others meanwhile. */
    private void awaitRequests(int count) {
        org.awaitility.Awaitility.await().until(() -> requestsToThisCustomer().size() == count);
    }

    private List<com.fasterxml.jackson.databind.JsonNode> requestsToThisCustomer() {
        return GRAPH.findAll(postRequestedFor(urlEqualTo(MESSAGES))).stream().map(r -> readJson(r.getBodyAsString()))
                .filter(body -> body.path("to").asText().replace("+", "").equals(waId)).toList();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder accepted(String wamid) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"" + wamid + "\"}]}");
    }

    private void failTwiceThenSucceed(int httpStatus, int code) {
        GRAPH.stubFor(post(urlEqualTo(MESSAGES)).atPriority(1).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(httpStatus, code)).willSetStateTo("failed once"));
        GRAPH.stubFor(post(urlEqualTo(MESSAGES)).atPriority(1).inScenario("flaky").whenScenarioStateIs("failed once")
                .willReturn(error(httpStatus, code)).willSetStateTo("failed twice"));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, int code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"message":"(#%d) error","type":"OAuthException","code":%d,
                 "error_data":{"messaging_product":"whatsapp","details":"details of %d"},"fbtrace_id":"AbC123"}}"""
                .formatted(code, code, code));
    }

    private String status(String key) {
        return jdbc.queryForObject("SELECT status FROM outbound_message WHERE idempotency_key = ?", String.class, key);
    }

    private String key() {
        return "test:" + waId + ":" + System.nanoTime();
    }
}
