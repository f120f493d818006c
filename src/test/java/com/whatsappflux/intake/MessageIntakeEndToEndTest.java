package com.whatsappflux.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.whatsappflux.crm.ContactService;
import com.whatsappflux.system.feel.CachingFeelEngineFactory;
import com.whatsappflux.testing.FluxIntegrationTest;

/**
 * From a signed webhook to the right workflow and the right outgoing message, for every route of the
 * switchboard, and a reply that lands in the instance that waits for it.
 */
class MessageIntakeEndToEndTest extends FluxIntegrationTest {

    @Autowired
    HistoryService history;
    @Autowired
    TaskService tasks;
    @Autowired
    ContactService contacts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;

    @Test
    void routesAreDecidedWithParsedFeelKept() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngineFactory())
                .isInstanceOf(CachingFeelEngineFactory.class);
    }

    @Test
    void theJobExecutorLetsTheInboxGoFirst() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        var jobExecutor = (SpringJobExecutor) configuration.getJobExecutor();
        assertThat(jobExecutor.getTaskExecutor()).isInstanceOf(InboxFirstTaskExecutor.class);
    }

    @Test
    void aNewLeadStartsLeadCaptureAndGetsAnInstantReply() {
        String waId = newCustomer();
        customerWrites(waId, "Hi, interested in pricing of your 43 inch TV");
        awaitInstance("lead-capture", waId);
        assertThat(awaitSent(waId, 1).get(0).path("to").asText()).isEqualTo("+" + waId);
        assertThat(intakeRoute(waId)).isEqualTo("lead");
        assertThat(jdbc.queryForMap("SELECT status, intent, language, confidence FROM inbound_message WHERE wa_id = ?", waId))
                .as("what the intake decided, in the row version that marks the message processed")
                .containsEntry("status", "PROCESSED").containsEntry("intent", "lead").containsEntry("language", "en")
                .hasEntrySatisfying("confidence", c -> assertThat(((Number) c).doubleValue()).isGreaterThan(0.5));
        String lead = history.createHistoricProcessInstanceQuery().processDefinitionKey("lead-capture")
                .processInstanceBusinessKey(waId).singleResult().getId();
        var variables = engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(lead).list().stream()
                .map(v -> v.getName()).toList();
        assertThat(variables).as("handed over: the message and who wrote it")
                .contains("waId", "messageId", "messageText", "messageType", "intent", "confidence", "language")
                .as("a typed message taps no button: no empty replyId is written").doesNotContain("replyId");
    }

    @Test
    void theIntakesAutomaticStepsStayOutOfTheActivityHistory_theWorkflowsStepsDoNot() {
        String waId = newCustomer();
        customerWrites(waId, "Hi, interested in pricing of your 43 inch TV");
        awaitInstance("lead-capture", waId);
        var intake = history.createHistoricProcessInstanceQuery().processDefinitionKey("message-intake")
                .processInstanceBusinessKey(waId).singleResult();
        assertThat(intake.getEndTime()).as("the intake instance itself is recorded").isNotNull();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(intake.getId()).list())
                .as("classified, looked up, route decided: on the inbox row, not as seven history rows").isEmpty();
        String lead = history.createHistoricProcessInstanceQuery().processDefinitionKey("lead-capture")
                .processInstanceBusinessKey(waId).singleResult().getId();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(lead).list())
                .extracting(a -> a.getActivityId()).contains("startEvent_leadReceived");
    }

    @Test
    void aSupportQuestionStartsSupportTriage() {
        String waId = newCustomer();
        customerWrites(waId, "where is my order 4521? not delivered yet");
        awaitInstance("support-triage", waId);
        awaitSent(waId, 1);
    }

    @Test
    void aPaymentMessageStartsPaymentFollowUp() {
        String waId = newCustomer();
        customerWrites(waId, "payment done, UTR 412345678901");
        awaitInstance("payment-follow-up", waId);
    }

    @Test
    void aBookingRequestStartsAppointmentBooking() {
        String waId = newCustomer();
        customerWrites(waId, "kal shaam 5 baje appointment chahiye");
        awaitInstance("appointment-booking", waId);
        awaitSent(waId, 1);
    }

    @Test
    void aVendorMessageBecomesAnAccountsTask_withoutAnyReply() {
        String waId = newCustomer();
        customerWrites(waId, "PO acknowledged, material will be dispatched in 2 lots");
        Task task = awaitTask(waId, "userTask_reviewVendorMessage");
        assertThat(tasks.getIdentityLinksForTask(task.getId())).anyMatch(l -> "accounts".equals(l.getGroupId()));
        assertThat(sentTo(waId)).isEmpty();
    }

    @Test
    void stopOptsOutAndConfirmsOnce() {
        String waId = newCustomer();
        customerWrites(waId, "STOP");
        Awaitility.await().until(() -> contacts.find(waId).map(c -> c.optedOut()).orElse(false));
        List<JsonNode> sent = awaitSent(waId, 1);
        assertThat(sent.get(0).path("type").asText()).isEqualTo("text");
        customerWrites(waId, "stop");
        Awaitility.await().until(() -> processedCount(waId) == 2);
        Awaitility.await().until(() -> history.createHistoricProcessInstanceQuery().processDefinitionKey("message-intake")
                .processInstanceBusinessKey(waId).finished().count() == 2);
        assertThat(sentTo(waId)).hasSize(1);
    }

    @Test
    void aGreetingGetsTheMenuInTheCustomersLanguage() {
        String waId = newCustomer();
        customerWrites(waId, "नमस्ते");
        JsonNode menu = awaitSent(waId, 1).get(0);
        assertThat(menu.path("type").asText()).isEqualTo("interactive");
        assertThat(menu.path("interactive").path("type").asText()).isEqualTo("list");
        assertThat(menu.path("interactive").path("body").path("text").asText()).contains("नमस्ते");
        assertThat(menu.path("interactive").path("action").path("sections").get(0).path("rows").size()).isEqualTo(4);
    }

    @Test
    void anUnsupportedMessageGoesToAPerson_andTheCustomerIsTold() {
        String waId = newCustomer();
        ObjectNode poll = json.createObjectNode().put("type", "unsupported");
        poll.putObject("unsupported").put("type", "poll_creation");
        poll.putArray("errors").addObject().put("code", 131051).put("title", "Message type unknown");
        assertThat(postWebhook(payload(waId, "Asha", poll)).statusCode()).isEqualTo(200);
        Task task = awaitTask(waId, "userTask_handleMessageManually");
        assertThat(tasks.getIdentityLinksForTask(task.getId())).anyMatch(l -> "support".equals(l.getGroupId()));
        assertThat(awaitSent(waId, 1).get(0).path("text").path("body").asText()).isNotBlank();
    }

    @Test
    void theAnswerToOurQuestionLandsInTheWaitingInstance_notInANewOne() {
        String waId = newCustomer();
        ObjectNode photo = json.createObjectNode().put("type", "image");
        photo.putObject("image").put("id", "98765").put("mime_type", "image/jpeg");
        assertThat(postWebhook(payload(waId, "Asha", photo)).statusCode()).isEqualTo(200);
        JsonNode question = awaitSent(waId, 1).get(0);
        assertThat(question.path("interactive").path("type").asText()).isEqualTo("list");
        String questionWamid = jdbc.queryForObject("SELECT wamid FROM outbound_message WHERE customer_key = ?",
                String.class, waId);
        // answered at once, possibly before the asking job committed its wait: still lands in the waiting instance

        assertThat(postWebhook(payload(waId, "Asha", listReply("MENU_BOOKING", "Book appointment", questionWamid)))
                .statusCode()).isEqualTo(200);
        awaitInstance("appointment-booking", waId);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("message-intake")
                .processInstanceBusinessKey(waId).count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT outcome FROM inbound_message WHERE customer_key = ? AND type = 'list_reply'",
                String.class, waId)).isEqualTo("correlated");
        String intake = history.createHistoricProcessInstanceQuery().processDefinitionKey("message-intake")
                .processInstanceBusinessKey(waId).singleResult().getId();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(intake).orderPartiallyByOccurrence()
                .asc().list()).as("the intake's waits are kept in its history: when the customer answered")
                .extracting(a -> a.getActivityId()).containsExactly("gateway_customerAnswered", "catchEvent_customerReplied");
    }

    private void awaitInstance(String processKey, String waId) {
        Awaitility.await().until(() -> history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(waId).count() == 1);
    }

    private Task awaitTask(String waId, String taskKey) {
        Awaitility.await().until(() -> tasks.createTaskQuery().processInstanceBusinessKey(waId)
                .taskDefinitionKey(taskKey).count() == 1);
        return tasks.createTaskQuery().processInstanceBusinessKey(waId).taskDefinitionKey(taskKey).singleResult();
    }

    /** The route the intake decided, as kept on the customer's inbox row (with the classification). */
    private String intakeRoute(String waId) {
        String sql = "SELECT route FROM inbound_message WHERE wa_id = ? AND route IS NOT NULL";
        Awaitility.await().until(() -> jdbc.queryForList(sql, String.class, waId).size() == 1);
        assertThat(jdbc.queryForObject("SELECT intent FROM inbound_message WHERE wa_id = ?", String.class, waId))
                .isNotBlank();
        return jdbc.queryForObject(sql, String.class, waId);
    }

    private long processedCount(String waId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inbound_message WHERE customer_key = ? AND status = 'PROCESSED'",
                Long.class, waId);
    }
}
