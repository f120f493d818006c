package com.whatsappflux.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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

/** support-triage with its real diagram, topic table and form; the delegates are stand-ins that record calls. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"processes/support-triage.bpmn", "processes/support-topic-route.dmn",
        "forms/resolve-support-case.form"})
class SupportTriageProcessTest {

    /** {@code ${supportSettings.*}} in process tests. */
    public static class StubSupportSettings {
        public String getReplyWait() {
            return "PT24H";
        }

        public String getRatingWait() {
            return "PT24H";
        }

        public String getSlaDuration() {
            return "PT4H";
        }
    }

    private final List<String> calls = new ArrayList<>();
    private final Map<String, Object> understood = new HashMap<>();
    private String orderLookup = "found";
    private boolean canAnswer = true;
    private boolean windowOpen = true;

    @BeforeEach
    void registerStandIns() {
        Mocks.register("understandQuestionDelegate", (JavaDelegate) ex -> {
            calls.add("understand:" + ex.getVariable("messageText"));
            if (!ex.hasVariable(SupportProcess.UNANSWERED_TRIES)) {
                ex.setVariable(SupportProcess.UNANSWERED_TRIES, 0);
            }
            ex.setVariable(SupportProcess.TOPIC_CONFIDENCE, 0.9);
            ex.setVariable(SupportProcess.NEGATIVE_SENTIMENT, false);
            ex.setVariable(SupportProcess.WANTS_PERSON, false);
            understood.forEach(ex::setVariable);
        });
        Mocks.register("lookUpOrderDelegate", (JavaDelegate) ex -> {
            calls.add("lookUpOrder:" + ex.getVariable("messageText"));
            ex.setVariable(SupportProcess.ORDER_LOOKUP, orderLookup);
        });
        for (String answer : List.of("answerFromKnowledgeBase", "answerProductAvailability", "sendBusinessDetails",
                "sendOrderStatus")) {
            Mocks.register(answer + "Delegate", (JavaDelegate) ex -> {
                calls.add(answer);
                ex.setVariable(SupportProcess.ANSWERED, canAnswer || answer.equals("sendBusinessDetails")
                        || answer.equals("sendOrderStatus"));
            });
        }
        Mocks.register("askForOrderNumberDelegate", (JavaDelegate) ex -> calls.add("askForOrderNumber"));
        Mocks.register("askIfSolvedDelegate", (JavaDelegate) ex -> calls.add("askIfSolved"));
        Mocks.register("handOverToBookingDelegate", (JavaDelegate) ex -> calls.add("startBooking"));
        Mocks.register("closeSupportCaseDelegate", (JavaDelegate) ex -> calls.add("close:" + ex.getVariableLocal("resolvedBy")));
        Mocks.register("askForRatingDelegate", (JavaDelegate) ex -> {
            if (!windowOpen) {
                throw new BpmnError("outsideServiceWindow");
            }
            calls.add("askForRating");
        });
        Mocks.register("storeRatingDelegate", (JavaDelegate) ex -> calls.add("storeRating:" + ex.getVariable("replyId")));
        Mocks.register("sendReplyDelegate", (JavaDelegate) ex -> calls.add("reply:" + ex.getVariableLocal("textKey")));
        Mocks.register("sendStaffReplyDelegate", (JavaDelegate) ex -> calls.add("staffReply:" + ex.getVariable("staffReply")));
        Mocks.register("escalateSupportCaseDelegate", (JavaDelegate) ex -> calls.add("escalate"));
        Mocks.register("attachTranscriptListener", (TaskListener) t -> t.setVariableLocal("transcript", "…"));
        Mocks.register("attachSupportCaseListener", (TaskListener) t -> t.setVariableLocal("customerOrders", "#4521 SHIPPED"));
        Mocks.register("supportSettings", new StubSupportSettings());
        ProcessTestBeans.registerDefaults();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // ---- automatic answers per topic

    @Test
    void orderStatusIsAnsweredAutomatically_confirmedAndRated() {
        understood.put("topic", "order_status");
        ProcessInstance pi = start("where is my order 4521?");
        assertThat(pi).isWaitingAt("gateway_solvedAnswerGiven");
        reply(pi, "Yes, solved", SupportProcess.BUTTON_SOLVED);
        assertThat(pi).isWaitingAt("gateway_ratingGiven");
        reply(pi, "5 - Excellent", "SUPPORT_CSAT_5");
        assertThat(pi).isEnded().hasPassedInOrder("serviceTask_understandQuestion", "businessRuleTask_decideHandling",
                "serviceTask_lookUpOrder", "serviceTask_sendOrderStatus", "serviceTask_askIfSolved",
                "catchEvent_solvedAnswerReceived", "serviceTask_closeCaseResolvedAutomatically", "serviceTask_askForRating",
                "serviceTask_storeRating", "endEvent_caseClosedWithRating");
        assertThat(calls).containsSequence("sendOrderStatus", "askIfSolved", "close:automatic", "askForRating",
                "storeRating:SUPPORT_CSAT_5");
        assertThat(calls).noneMatch(c -> c.startsWith("reply:"));
    }

    @Test
    void orderNumberIsAskedFor_whenCustomerHasSeveralOrders() {
        understood.put("topic", "order_status");
        orderLookup = "ask_number";
        ProcessInstance pi = start("mera order kab aayega?");
        assertThat(pi).isWaitingAt("gateway_orderNumberGiven");
        orderLookup = "found";
        reply(pi, "7781", null);
        assertThat(pi).isWaitingAt("gateway_solvedAnswerGiven")
                .hasPassedInOrder("serviceTask_askForOrderNumber", "catchEvent_orderNumberReceived", "serviceTask_lookUpOrder",
                        "serviceTask_sendOrderStatus");
        assertThat(calls).contains("lookUpOrder:7781");
    }

    @Test
    void caseClosesUnresolved_whenOrderNumberNeverComes() {
        understood.put("topic", "order_status");
        orderLookup = "ask_number";
        ProcessInstance pi = start("order status?");
        passTime(Duration.ofHours(25));
        assertThat(pi).isEnded().hasPassed("timerEvent_orderNumberNotGiven", "endEvent_orderNumberNotGiven");
        assertThat(calls).contains("close:unresolved");
    }

    @Test
    void unknownOrderGoesToAPerson() {
        understood.put("topic", "order_status");
        orderLookup = "not_found";
        ProcessInstance pi = start("where is order 9999");
        assertThat(pi).isWaitingAt(SupportProcess.TASK_RESOLVE_CASE);
    }

    @ParameterizedTest(name = "{0} is answered by {1}")
    @CsvSource({
            "timings, serviceTask_sendBusinessDetails, sendBusinessDetails",
            "availability, serviceTask_answerProductAvailability, answerProductAvailability",
            "faq, serviceTask_answerFromKnowledgeBase, answerFromKnowledgeBase",
            "other, serviceTask_answerFromKnowledgeBase, answerFromKnowledgeBase"})
    void topicIsAnsweredFromBusinessData_thenAskedIfSolved(String topic, String task, String call) {
        understood.put("topic", topic);
        ProcessInstance pi = start("a question");
        assertThat(pi).isWaitingAt("gateway_solvedAnswerGiven").hasPassedInOrder(task, "serviceTask_askIfSolved");
        assertThat(calls).containsSequence(call, "askIfSolved");
    }

    @Test
    void unclearTopicWithoutKnowledgeBaseMatchGoesToAPerson() {
        understood.put("topic", "other");
        understood.put("topicConfidence", 0.2);
        canAnswer = false;
        ProcessInstance pi = start("asdf qwerty");
        assertThat(pi).isWaitingAt(SupportProcess.TASK_RESOLVE_CASE)
                .hasPassedInOrder("serviceTask_answerFromKnowledgeBase", "gateway_answeredAutomatically",
                        "serviceTask_tellCustomerPersonWillHelp");
        assertThat(calls).doesNotContain("askIfSolved").contains("reply:support.handover");
    }

    @Test
    void rescheduleIsHandedOverToAppointmentBooking() {
        understood.put("topic", "reschedule");
        ProcessInstance pi = start("installation ka time change karna hai");
        assertThat(pi).isEnded().hasPassedInOrder("serviceTask_handOverToBooking", "endEvent_handedOverToBooking");
        assertThat(calls).contains("startBooking").doesNotContain("askIfSolved");
    }

    // ---- exceptions to humans

    @ParameterizedTest(name = "{0}/{1}/{2} goes to a person")
    @CsvSource({
            "complaint, false, false",
            "refund, false, false",
            "order_status, true, false",
            "faq, false, true"})
    void exceptionBecomesSupportTask_agentReplyIsSent_andRated(String topic, boolean negative, boolean wantsPerson) {
        understood.put("topic", topic);
        understood.put("negativeSentiment", negative);
        understood.put("wantsPerson", wantsPerson);
        ProcessInstance pi = start("product kharab nikla, refund chahiye");
        assertThat(pi).isWaitingAt(SupportProcess.TASK_RESOLVE_CASE);
        assertThat(task()).hasCandidateGroup("support").hasName("Resolve support case").isNotNull();
        assertThat(task().getDueDate()).isNotNull();
        assertThat(taskService().getVariableLocal(task().getId(), "customerOrders")).isEqualTo("#4521 SHIPPED");
        assertThat(calls).contains("reply:support.handover").doesNotContain("askIfSolved");

        complete(task(), withVariables("staffReply", "Sorry! A replacement goes out tomorrow."));
        drain(pi);
        assertThat(pi).isWaitingAt("gateway_ratingGiven");
        reply(pi, "4 - Good", "SUPPORT_CSAT_4");
        assertThat(pi).isEnded().hasPassedInOrder("userTask_resolveSupportCase", "serviceTask_sendAgentReply",
                "serviceTask_closeCaseResolvedByPerson", "serviceTask_askForRating", "serviceTask_storeRating",
                "endEvent_caseClosedWithRating");
        assertThat(calls).containsSequence("staffReply:Sorry! A replacement goes out tomorrow.", "close:human",
                "askForRating", "storeRating:SUPPORT_CSAT_4");
    }

    @Test
    void overdueCaseIsEscalatedToManagers_andStaysOpen() {
        understood.put("topic", "complaint");
        ProcessInstance pi = start("worst service ever");
        assertThat(pi).isWaitingAt(SupportProcess.TASK_RESOLVE_CASE);
        passTime(Duration.ofHours(5));
        assertThat(calls).contains("escalate");
        assertThat(pi).hasPassed("boundaryEvent_slaPassed", "endEvent_caseEscalated")
                .isWaitingAt(SupportProcess.TASK_RESOLVE_CASE);
        complete(task(), withVariables("staffReply", "Called you, sorted."));
        drain(pi);
        assertThat(pi).isWaitingAt("gateway_ratingGiven");
    }

    @Test
    void caseClosedWithoutReply_whenAgentLeavesReplyEmpty() {
        understood.put("topic", "complaint");
        ProcessInstance pi = start("not happy");
        assertThat(pi).isWaitingAt(SupportProcess.TASK_RESOLVE_CASE);
        complete(task(), withVariables("staffReply", " "));
        drain(pi);
        assertThat(pi).isEnded().hasPassed("serviceTask_closeCaseWithoutReply", "endEvent_caseClosedByStaff")
                .hasNotPassed("serviceTask_sendAgentReply", "serviceTask_askForRating");
    }

    @Test
    void talkToAPersonButtonAfterAutomaticAnswerCreatesTask() {
        understood.put("topic", "faq");
        ProcessInstance pi = start("do you do installation?");
        reply(pi, "Talk to a person", SupportProcess.BUTTON_PERSON);
        assertThat(pi).isWaitingAt(SupportProcess.TASK_RESOLVE_CASE)
                .hasPassedInOrder("gateway_solved", "gateway_toPerson", "serviceTask_tellCustomerPersonWillHelp");
        assertThat(calls).doesNotContain("understand:Talk to a person");
    }

    @Test
    void secondUnsolvedTryGoesToAPerson() {
        understood.put("topic", "faq");
        ProcessInstance pi = start("emi available?");
        reply(pi, "but for the fridge?", null);
        assertThat(pi).isWaitingAt("gateway_solvedAnswerGiven");
        reply(pi, "still not clear", null);
        assertThat(pi).isWaitingAt(SupportProcess.TASK_RESOLVE_CASE);
        assertThat(calls).containsSequence("understand:emi available?", "answerFromKnowledgeBase", "askIfSolved",
                "understand:but for the fridge?", "answerFromKnowledgeBase", "askIfSolved", "understand:still not clear");
    }

    @Test
    void thanksInsteadOfButtonCountsAsSolved() {
        understood.put("topic", "timings");
        ProcessInstance pi = start("what time do you open?");
        understood.put("topic", "acknowledgement");
        reply(pi, "ok thanks, ho gaya", null);
        assertThat(pi).isWaitingAt("gateway_ratingGiven").hasPassed("serviceTask_closeCaseResolvedAutomatically");
    }

    @Test
    void silenceAfterAnswerClosesCaseAsAnswered() {
        understood.put("topic", "timings");
        ProcessInstance pi = start("address?");
        passTime(Duration.ofHours(25));
        assertThat(pi).isEnded().hasPassed("timerEvent_noFeedback", "endEvent_closedWithoutFeedback");
        assertThat(calls).contains("close:automatic").doesNotContain("askForRating");
    }

    @Test
    void caseClosesWithoutRating_whenCustomerDoesNotRate() {
        understood.put("topic", "timings");
        ProcessInstance pi = start("address?");
        reply(pi, "Yes, solved", SupportProcess.BUTTON_SOLVED);
        passTime(Duration.ofHours(25));
        assertThat(pi).isEnded().hasPassed("endEvent_caseClosedWithoutRating").hasNotPassed("serviceTask_storeRating");
    }

    @Test
    void ratingIsSkipped_whenServiceWindowClosedBeforeAgentReplied() {
        understood.put("topic", "complaint");
        windowOpen = false;
        ProcessInstance pi = start("bakwas product");
        assertThat(pi).isWaitingAt(SupportProcess.TASK_RESOLVE_CASE);
        complete(task(), withVariables("staffReply", "We are sorry."));
        drain(pi);
        assertThat(pi).isEnded().hasPassed("boundaryEvent_ratingWindowClosed", "endEvent_ratingNotAsked");
    }

    // ---- helpers

    private ProcessInstance start(String text) {
        ProcessInstance pi = runtimeService().createProcessInstanceByKey(SupportProcess.KEY).businessKey("919812345678")
                .setVariables(Map.of("waId", "919812345678", "language", "en", "messageText", text,
                        "entities", "{}", "customerName", "Asha"))
                .execute();
        drain(pi);
        return pi;
    }

    private void reply(ProcessInstance pi, String text, String replyId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("replyText", text);
        variables.put("replyId", replyId);
        variables.put("replyType", replyId == null ? "text" : "button_reply");
        variables.put("replyMessageId", "wamid." + System.nanoTime());
        runtimeService().createMessageCorrelation("customerReplied").processInstanceId(pi.getId())
                .setVariables(variables).correlate();
        drain(pi);
    }

    /** Runs the instance's async continuations (not timers) until it waits. */
    private void drain(ProcessInstance pi) {
        for (int i = 0; i < 50; i++) {
            List<Job> jobs = managementService().createJobQuery().processInstanceId(pi.getId()).messages().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            managementService().executeJob(jobs.get(0).getId());
        }
        throw new AssertionError("instance does not come to rest");
    }

    private void passTime(Duration duration) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
        List<Job> due = managementService().createJobQuery().timers().executable().list();
        assertThat(due).isNotEmpty();
        due.forEach(j -> managementService().executeJob(j.getId()));
        runtimeService().createProcessInstanceQuery().list().forEach(this::drain);
    }
}
