package com.whatsappflux.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.whatsappflux.testing.ProcessTestBeans;

/** message-intake with its real diagram and route table; the delegates are stand-ins that record calls. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"processes/message-intake.bpmn", "processes/message-route.dmn",
        "forms/handle-message.form", "forms/review-vendor-message.form"})
class MessageIntakeProcessTest {

    private final List<String> calls = new ArrayList<>();
    private final Map<String, Object> nextClassification = new HashMap<>();

    @BeforeEach
    void registerStandIns() {
        classifyAs("other", 0.9, false);
        Mocks.register("classifyMessageDelegate", (JavaDelegate) ex -> {
            calls.add("classify:" + ex.getVariable("messageText"));
            nextClassification.forEach(ex::setVariable);
        });
        Mocks.register("lookUpCustomerDelegate", (JavaDelegate) ex -> calls.add("lookUp"));
        Mocks.register("recordRouteListener", (ExecutionListener) ex -> calls.add("recorded:" + ex.getVariable("route")));
        Mocks.register("startWorkflowDelegate", (JavaDelegate) ex -> calls.add("start:" + ex.getVariableLocal("processKey")));
        Mocks.register("optOutContactDelegate", (JavaDelegate) ex -> {
            calls.add("optOut");
            ex.setVariable("firstOptOut", !Boolean.TRUE.equals(ex.getVariable("alreadyOptedOut")));
        });
        Mocks.register("sendReplyDelegate", (JavaDelegate) ex -> calls.add("reply:" + ex.getVariableLocal("textKey")));
        Mocks.register("sendMenuDelegate", (JavaDelegate) ex -> calls.add("menu"));
        Mocks.register("askWhatCustomerNeedsDelegate", (JavaDelegate) ex -> calls.add("ask"));
        Mocks.register("sendStaffReplyDelegate", (JavaDelegate) ex -> calls.add("staffReply:" + ex.getVariable("staffReply")));
        Mocks.register("attachTranscriptListener", (TaskListener) t -> t.setVariableLocal("transcript", "…"));
        ProcessTestBeans.registerDefaults();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @ParameterizedTest(name = "{0} message starts {1}")
    @CsvSource({
            "lead, lead-capture, serviceTask_startLeadCapture, endEvent_leadCaptureStarted",
            "payment, payment-follow-up, serviceTask_startPaymentFollowUp, endEvent_paymentFollowUpStarted",
            "support, support-triage, serviceTask_startSupportTriage, endEvent_supportTriageStarted",
            "booking, appointment-booking, serviceTask_startAppointmentBooking, endEvent_appointmentBookingStarted"})
    void confidentIntentStartsItsWorkflow(String intent, String processKey, String task, String end) {
        classifyAs(intent, 0.93, false);
        ProcessInstance pi = receive("some text", "text");
        // all in the caller's transaction (the dispatcher's, with the message): the target workflow's own first step is its save point
        assertThat(pi).isEnded().hasPassedInOrder("serviceTask_classifyMessage", "serviceTask_lookUpCustomer",
                "businessRuleTask_decideRoute", task, end);
        assertThat(calls).containsSubsequence("recorded:" + intent, "start:" + processKey);
    }

    @Test
    void vendorMessageBecomesAccountsTask_withoutCustomerReply() {
        classifyAs("vendor", 0.95, false);
        ProcessInstance pi = receive("PO acknowledged, dispatch tomorrow", "text");
        assertThat(pi).isWaitingAt("userTask_reviewVendorMessage");
        assertThat(task()).hasCandidateGroup("accounts").hasFormKey(null);
        complete(task(), withVariables("vendorAction", "noted"));
        execute(job());
        assertThat(pi).isEnded().hasPassed("endEvent_vendorMessageHandled");
        assertThat(calls).noneMatch(c -> c.startsWith("reply") || c.startsWith("menu"));
    }

    @Test
    void stopOptsOutAndConfirmsOnce() {
        classifyAs("opt_out", 0.99, false);
        ProcessInstance first = receive("STOP", "text");
        execute(job()); // opting out is a save point
        execute(job()); // so is the confirmation
        assertThat(first).isEnded().hasPassed("serviceTask_optOutContact", "serviceTask_confirmOptOut",
                "endEvent_contactOptedOut");
        assertThat(calls).containsSequence("optOut", "reply:optout.confirmed");

        calls.clear();
        ProcessInstance again = receive("stop", "text", Map.of("alreadyOptedOut", true));
        execute(job());
        assertThat(again).isEnded().hasPassed("endEvent_optOutRepeated").hasNotPassed("serviceTask_confirmOptOut");
        assertThat(calls).doesNotContain("reply:optout.confirmed");
    }

    @Test
    void greetingGetsTheMenu() {
        classifyAs("other", 0.95, true);
        ProcessInstance pi = receive("namaste", "text");
        execute(job());
        assertThat(pi).isEnded().hasPassed("serviceTask_sendMenu", "endEvent_menuSent");
    }

    @Test
    void thanksIsAcknowledgedSilently() {
        classifyAs("other", 0.95, false);
        ProcessInstance pi = receive("ok thank you", "text");
        assertThat(pi).isEnded().hasPassed("endEvent_messageAcknowledged");
        assertThat(calls).noneMatch(c -> c.startsWith("reply") || c.equals("menu"));
    }

    @Test
    void menuButtonTapRoutesWithoutClassifierGuess() {
        classifyAs("other", 0.2, false);
        ProcessInstance pi = receive("Book appointment", "list_reply", Map.of("replyId", "MENU_BOOKING"));
        assertThat(pi).isEnded().hasPassed("serviceTask_startAppointmentBooking");
    }

    @Test
    void unclearMessageIsAskedAbout_andTheAnswerIsRouted() {
        classifyAs("lead", 0.3, false);
        ProcessInstance pi = receive("hmm", "text");
        execute(job());
        assertThat(pi).isWaitingAt("gateway_customerAnswered");
        assertThat(calls).contains("ask");

        classifyAs("booking", 0.9, false);
        runtimeService().createMessageCorrelation("customerReplied").processInstanceId(pi.getId())
                .setVariables(Map.of("replyText", "Book appointment", "replyId", "MENU_BOOKING",
                        "replyType", "list_reply", "replyMessageId", "wamid.2"))
                .correlate();
        // classified again and the workflow started in the correlating transaction
        assertThat(pi).isEnded().hasPassed("catchEvent_customerReplied", "serviceTask_startAppointmentBooking");
        assertThat(pi).variables().containsEntry("attempt", 2L);
    }

    @Test
    void secondUnclearMessageGoesToAPerson_whoseReplyIsSent() {
        classifyAs("lead", 0.3, false);
        ProcessInstance pi = receive("hmm", "text");
        execute(job());
        runtimeService().createMessageCorrelation("customerReplied").processInstanceId(pi.getId())
                .setVariables(Map.of("replyText", "???", "replyType", "text", "replyMessageId", "wamid.2"))
                .setVariable("replyId", null)
                .correlate();
        // the answer is classified in the correlating transaction: still unclear
        execute(job()); // tell the customer staff will reply
        assertThat(pi).isWaitingAt("userTask_handleMessageManually");
        assertThat(task()).hasCandidateGroup("support");
        assertThat(calls).contains("reply:handover.staff");
        complete(task(), withVariables("staffReply", "Hello, how can I help?"));
        execute(job());
        execute(job());
        assertThat(pi).isEnded().hasPassed("serviceTask_sendStaffReply", "endEvent_messageHandledByStaff");
        assertThat(calls).contains("staffReply:Hello, how can I help?");
    }

    @Test
    void unsupportedMessageTypeGoesToAPerson_evenWithoutText() {
        classifyAs("other", 0.0, false);
        ProcessInstance pi = receive(null, "unsupported");
        execute(job());
        assertThat(pi).isWaitingAt("userTask_handleMessageManually");
        complete(task(), withVariables("staffReply", ""));
        execute(job());
        assertThat(pi).isEnded().hasPassed("endEvent_closedWithoutReply").hasNotPassed("serviceTask_sendStaffReply");
    }

    @Test
    void unansweredQuestionEndsAfterTheReplyWindow() {
        classifyAs("lead", 0.3, false);
        ProcessInstance pi = receive("hmm", "text");
        execute(job());
        execute(job()); // the only job now is the timer
        assertThat(pi).isEnded().hasPassed("timerEvent_noAnswerWithinWindow", "endEvent_customerDidNotAnswer");
    }

    @Test
    void queuedMessageIsRoutedByTheJobExecutor() {
        classifyAs("lead", 0.93, false);
        ProcessInstance pi = queue("price of the 43 inch TV?");
        assertThat(pi).isWaitingAt("startEvent_messageQueued");
        assertThat(calls).isEmpty();
        execute(job());
        assertThat(pi).isEnded().hasPassedInOrder("startEvent_messageQueued", "serviceTask_classifyMessage",
                "businessRuleTask_decideRoute", "serviceTask_startLeadCapture");
        assertThat(calls).contains("start:lead-capture");
    }

    @Test
    void queuedMessageThatFailsBecomesAnIncident() {
        Mocks.register("lookUpCustomerDelegate", (JavaDelegate) ex -> {
            throw new IllegalStateException("customer facts unreadable");
        });
        ProcessInstance pi = queue("hello?");
        var job = job(pi);
        managementService().setJobRetries(job.getId(), 1);
        try {
            managementService().executeJob(job.getId());
        } catch (RuntimeException expected) {
            // the job executor records it the same way
        }
        assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult())
                .satisfies(incident -> {
                    assertThat(incident.getActivityId()).isEqualTo("startEvent_messageQueued");
                    assertThat(incident.getIncidentMessage()).contains("customer facts unreadable");
                });

        // fixed: a retry from Cockpit routes it
        Mocks.register("lookUpCustomerDelegate", (JavaDelegate) ex -> calls.add("lookUp"));
        managementService().setJobRetries(job.getId(), 1);
        classifyAs("lead", 0.93, false);
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("serviceTask_startLeadCapture");
    }

    private void classifyAs(String intent, double confidence, boolean greeting) {
        nextClassification.put("intent", intent);
        nextClassification.put("confidence", confidence);
        nextClassification.put("greeting", greeting);
        nextClassification.put("language", "en");
    }

    private ProcessInstance receive(String text, String type) {
        return receive(text, type, Map.of());
    }

    private ProcessInstance receive(String text, String type, Map<String, Object> extra) {
        Map<String, Object> variables = new HashMap<>(extra);
        variables.put("waId", "919812345678");
        variables.put("messageId", "wamid.1");
        variables.put("messageText", text);
        variables.put("messageType", type);
        variables.put("attempt", 1);
        variables.putIfAbsent("replyId", null);
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("message-intake", "919812345678", variables);
        assertThat(pi).isStarted(); // and the instance that job() and task() look at
        return pi;
    }

    private ProcessInstance queue(String text) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("waId", "919812345678");
        variables.put("messageId", "wamid.1");
        variables.put("messageText", text);
        variables.put("messageType", "text");
        variables.put("attempt", 1);
        variables.put("replyId", null);
        return runtimeService().startProcessInstanceByMessage("messageQueued", "919812345678", variables);
    }
}
