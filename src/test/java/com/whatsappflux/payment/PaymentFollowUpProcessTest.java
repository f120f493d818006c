package com.whatsappflux.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.testing.ProcessTestBeans;

/**
 * payment-follow-up and its called payment-invoice-collection with the real diagrams and the real reminder
 * schedule table; the real follow-up scheduler; other delegates are stand-ins over a tiny in-memory ledger.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"processes/payment-follow-up.bpmn", "processes/payment-invoice-collection.bpmn",
        "processes/payment-reminder-schedule.dmn", "forms/verify-payment.form", "forms/call-customer.form",
        "forms/review-overdue-invoice.form", "forms/resolve-invoice-dispute.form", "forms/resolve-payment-problem.form"})
class PaymentFollowUpProcessTest {

    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final String INVOICE = "INV-1001";
    static final String WA_ID = "919812345678";

    private final List<String> calls = new ArrayList<>();
    private BigDecimal paid = BigDecimal.ZERO;
    private final BigDecimal amount = new BigDecimal("4500.00");
    private boolean windowOpen = true;
    private final Map<String, Object> understood = new HashMap<>();
    private String forwardResult = "forwarded";

    /** {@code ${paymentCustomerWindow.isOpen(waId)}}. */
    public class WindowStandIn {
        public boolean isOpen(String waId) {
            return windowOpen;
        }
    }

    @BeforeEach
    void standIns() {
        at(2026, 11, 20, 9, 0); // invoice due 2026-12-01
        ProcessTestBeans.registerDefaults();
        PaymentSettings settings = new PaymentSettings();
        settings.setReplyTimeout("PT24H");
        settings.setReminderTime("10:00");
        settings.setCallAfterLastReminder("P1D");
        settings.setManagersAfterCall("P3D");
        Mocks.register("paymentSettings", settings);
        Mocks.register("paymentCustomerWindow", new WindowStandIn());
        Mocks.register("scheduleNextFollowUpDelegate", new ScheduleNextFollowUpDelegate(settings, new BusinessClock("Asia/Kolkata")));
        Mocks.register("prepareInvoiceDocumentDelegate", (JavaDelegate) ex -> calls.add("prepare"));
        Mocks.register("sendInvoiceDelegate", (JavaDelegate) ex -> {
            calls.add("sendInvoice");
            ex.setVariable(PaymentProcess.INVOICE_SENT_AT, ClockUtil.getCurrentTime());
        });
        Mocks.register("checkInvoiceBalanceDelegate", (JavaDelegate) ex -> {
            Object acknowledged = ex.getVariable(PaymentProcess.ACKNOWLEDGED_PAID);
            BigDecimal before = acknowledged == null ? BigDecimal.ZERO : new BigDecimal(acknowledged.toString());
            ex.setVariable(PaymentProcess.PAID_IN_FULL, paid.compareTo(amount) >= 0);
            ex.setVariable(PaymentProcess.NEW_PAYMENT_RECEIVED, paid.compareTo(before) > 0);
            ex.setVariable(PaymentProcess.ACKNOWLEDGED_PAID, paid.toPlainString());
        });
        Mocks.register("sendPaymentReceiptDelegate", (JavaDelegate) ex -> calls.add("receipt"));
        Mocks.register("updateLedgerDelegate", (JavaDelegate) ex -> calls.add("ledger"));
        Mocks.register("acknowledgePartPaymentDelegate", (JavaDelegate) ex -> calls.add("partPayment"));
        Mocks.register("sendPaymentReminderDelegate", (JavaDelegate) ex -> {
            calls.add("reminder:" + ex.getVariableLocal("format"));
            ex.setVariable(PaymentProcess.LAST_REMINDER_AT, ClockUtil.getCurrentTime());
        });
        Mocks.register("checkClaimAgainstPaymentsDelegate", (JavaDelegate) ex ->
                ex.setVariable(PaymentProcess.CLAIM_CONFIRMED, paid.compareTo(amount) >= 0));
        Mocks.register("recordVerifiedPaymentDelegate", (JavaDelegate) ex -> {
            paid = paid.add(new BigDecimal(ex.getVariable("verifiedAmount").toString()));
            calls.add("recordVerified");
        });
        Mocks.register("closeUnpaidInvoiceDelegate", (JavaDelegate) ex -> calls.add("closeUnpaid"));
        Mocks.register("sendPaymentReplyDelegate", (JavaDelegate) ex -> calls.add("reply:" + ex.getVariableLocal("textKey")));
        Mocks.register("understandPaymentRequestDelegate", (JavaDelegate) ex -> understood.forEach(ex::setVariable));
        Mocks.register("askWhichInvoiceDelegate", (JavaDelegate) ex -> calls.add("askWhichInvoice"));
        Mocks.register("noteChosenInvoiceDelegate", (JavaDelegate) ex -> {
            String reply = (String) ex.getVariable("replyId");
            boolean known = reply != null && reply.startsWith(PaymentProcess.CHOSEN_INVOICE_PREFIX);
            ex.setVariable(PaymentProcess.INVOICE_MATCH, known ? "one" : "none");
        });
        Mocks.register("forwardToInvoiceFollowUpDelegate", (JavaDelegate) ex -> {
            calls.add("forward");
            ex.setVariable(PaymentProcess.FORWARD_RESULT, forwardResult);
        });
        Mocks.register("resendOpenInvoicesDelegate", (JavaDelegate) ex -> calls.add("resend"));
        Mocks.register("sendAmountDueDelegate", (JavaDelegate) ex -> calls.add("amountDue"));
        Mocks.register("sendStaffReplyDelegate", (JavaDelegate) ex -> calls.add("staffReply:" + ex.getVariable("staffReply")));
        Mocks.register("attachTranscriptListener", (TaskListener) t -> t.setVariableLocal("transcript", "…"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // ---------------- invoice path ----------------

    @Test
    void invoiceIsSentWithPaymentOptionsAndWaitsForTheFirstReminder() {
        ProcessInstance invoice = startInvoice();
        ProcessInstance collection = collection(invoice);
        assertThat(collection).isWaitingAt("gateway_awaitingPayment").hasPassedInOrder("serviceTask_prepareInvoiceDocument",
                "serviceTask_sendInvoice", "businessRuleTask_decideReminderSchedule", "serviceTask_checkInvoiceBalance",
                "serviceTask_scheduleNextFollowUp");
        assertThat(calls).containsExactly("prepare", "sendInvoice");
        assertThat(collection.getBusinessKey()).isEqualTo(INVOICE);
        assertThat(nextFollowUpAt(collection)).isEqualTo(ist(2026, 11, 28, 10, 0));
    }

    @Test
    void everyReminderOfTheScheduleGoesOutOnItsDay() {
        ProcessInstance collection = collection(startInvoice());
        int[][] days = {{11, 28}, {12, 1}, {12, 4}, {12, 8}};
        for (int[] day : days) {
            assertThat(nextFollowUpAt(collection)).isEqualTo(ist(2026, day[0], day[1], 10, 0));
            at(2026, day[0], day[1], 10, 0);
            drain();
            assertThat(collection).isWaitingAt("gateway_awaitingPayment");
        }
        assertThat(calls).filteredOn(c -> c.startsWith("reminder")).containsExactly(
                "reminder:message", "reminder:message", "reminder:message", "reminder:message");
        assertThat(variable(collection, PaymentProcess.NEXT_FOLLOW_UP)).isEqualTo("call");
    }

    @Test
    void largeInvoiceGetsAnExtraReminderAWeekBefore() {
        ProcessInstance collection = collection(startInvoice(150000.0));
        assertThat(nextFollowUpAt(collection)).isEqualTo(ist(2026, 11, 24, 10, 0));
    }

    @Test
    void reminderIsATemplateWhenTheCustomerHasNotWrittenFor24Hours() {
        ProcessInstance collection = collection(startInvoice());
        windowOpen = false;
        at(2026, 11, 28, 10, 0);
        drain();
        assertThat(collection).hasPassed("serviceTask_sendReminderTemplate").hasNotPassed("serviceTask_sendReminderMessage");
        assertThat(calls).contains("reminder:template");
    }

    @Test
    void reminderIsAFreeFormMessageInsideThe24HourWindow() {
        ProcessInstance collection = collection(startInvoice());
        at(2026, 11, 28, 10, 0);
        drain();
        assertThat(collection).hasPassed("serviceTask_sendReminderMessage").hasNotPassed("serviceTask_sendReminderTemplate");
    }

    @Test
    void gatewayOrAccountsPaymentEndsWithReceiptAndLedger() {
        ProcessInstance invoice = startInvoice();
        ProcessInstance collection = collection(invoice);
        paid = amount;
        runtimeService().createMessageCorrelation(PaymentProcess.PAYMENT_RECEIVED).processInstanceBusinessKey(INVOICE).correlate();
        drain();
        assertThat(collection).isEnded().hasPassedInOrder("catchEvent_paymentReceived", "serviceTask_checkInvoiceBalance",
                "serviceTask_sendReceipt", "serviceTask_updateLedger", "endEvent_invoicePaid");
        assertThat(invoice).isEnded().hasPassed("endEvent_invoiceFollowUpClosed");
        assertThat(calls).containsSubsequence("receipt", "ledger");
    }

    @Test
    void partPaymentIsAcknowledgedAndTheBalanceStaysOpen() {
        ProcessInstance collection = collection(startInvoice());
        paid = new BigDecimal("2000.00");
        runtimeService().createMessageCorrelation(PaymentProcess.PAYMENT_RECEIVED).processInstanceBusinessKey(INVOICE).correlate();
        drain();
        assertThat(collection).isWaitingAt("gateway_awaitingPayment").hasPassed("serviceTask_acknowledgePartPayment")
                .hasNotPassed("serviceTask_sendReceipt");
        at(2026, 11, 28, 10, 0);
        drain();
        assertThat(calls).contains("partPayment", "reminder:message");
        paid = amount;
        runtimeService().createMessageCorrelation(PaymentProcess.PAYMENT_RECEIVED).processInstanceBusinessKey(INVOICE).correlate();
        drain();
        assertThat(collection).isEnded().hasPassed("endEvent_invoicePaid");
    }

    @Test
    void customerClaimBecomesVerifyPaymentTaskForAccounts() {
        ProcessInstance collection = collection(startInvoice());
        claim();
        assertThat(collection).isWaitingAt("userTask_verifyPayment");
        assertThat(task()).hasCandidateGroup("accounts").hasName("Verify payment");
        complete(task(collection), withVariables("paymentVerified", true, "verifiedAmount", 4500));
        drain();
        assertThat(collection).isEnded().hasPassedInOrder("catchEvent_paymentClaimed", "userTask_verifyPayment",
                "serviceTask_recordVerifiedPayment", "serviceTask_checkInvoiceBalance", "serviceTask_sendReceipt",
                "endEvent_invoicePaid");
    }

    @Test
    void claimIsConfirmedAutomaticallyWhenTheGatewayAlreadyConfirmedIt() {
        ProcessInstance collection = collection(startInvoice());
        paid = amount; // recorded from the webhook while the instance was busy
        claim();
        drain();
        assertThat(collection).isEnded().hasNotPassed("userTask_verifyPayment").hasPassed("serviceTask_sendReceipt");
    }

    @Test
    void claimNotFoundOnTheStatementIsToldAndRemindersContinue() {
        ProcessInstance collection = collection(startInvoice());
        claim();
        complete(task(collection), withVariables("paymentVerified", false));
        drain();
        assertThat(calls).contains("reply:payment.claim.notFound");
        assertThat(collection).isWaitingAt("gateway_awaitingPayment");
    }

    @Test
    void afterTheLastReminderAccountsCallThenManagersReview() {
        ProcessInstance collection = collection(startInvoice());
        for (int[] day : new int[][] {{11, 28}, {12, 1}, {12, 4}, {12, 8}}) {
            at(2026, day[0], day[1], 10, 0);
            drain();
        }
        at(2026, 12, 9, 10, 0);
        drain();
        assertThat(collection).isWaitingAt("userTask_callCustomer");
        assertThat(task()).hasCandidateGroup("accounts").hasName("Call customer about overdue invoice");
        complete(task(collection), withVariables("callOutcome", "promised"));
        drain();
        assertThat(collection).isWaitingAt("gateway_awaitingPayment");
        assertThat(nextFollowUpAt(collection)).isEqualTo(ist(2026, 12, 12, 10, 0));
        at(2026, 12, 12, 10, 0);
        drain();
        assertThat(collection).isWaitingAt("userTask_reviewOverdueInvoice");
        assertThat(task()).hasCandidateGroup("managers");
        complete(task(collection), withVariables("managerDecision", "writeOff"));
        drain();
        assertThat(collection).isEnded().hasPassed("serviceTask_closeUnpaidInvoice", "endEvent_invoiceClosedUnpaid");
    }

    @Test
    void disputeGoesToAccountsAtOnceAndCancellationClosesTheInvoice() {
        ProcessInstance collection = collection(startInvoice());
        runtimeService().createMessageCorrelation(PaymentProcess.INVOICE_DISPUTED).processInstanceBusinessKey(INVOICE)
                .setVariable(PaymentProcess.DISPUTE_MESSAGE_TEXT, "amount is wrong").correlate();
        assertThat(collection).isWaitingAt("userTask_resolveInvoiceDispute");
        assertThat(task()).hasCandidateGroup("accounts");
        complete(task(collection), withVariables("disputeOutcome", "cancel"));
        drain();
        assertThat(collection).isEnded().hasPassed("endEvent_invoiceClosedUnpaid");
        assertThat(calls).contains("closeUnpaid").doesNotContain("reminder:message");
    }

    @Test
    void disputeThatStandsResumesTheReminders() {
        ProcessInstance collection = collection(startInvoice());
        runtimeService().createMessageCorrelation(PaymentProcess.INVOICE_DISPUTED).processInstanceBusinessKey(INVOICE).correlate();
        complete(task(collection), withVariables("disputeOutcome", "stands"));
        drain();
        assertThat(collection).isWaitingAt("gateway_awaitingPayment");
    }

    // ---------------- customer-message path ----------------

    @Test
    void paidMessageForTheOneOpenInvoiceIsPassedToItsFollowUp() {
        ProcessInstance pi = customerSays("claim", "one");
        assertThat(pi).isEnded().hasPassedInOrder("serviceTask_understandPaymentRequest", "serviceTask_forwardToInvoiceFollowUp",
                "serviceTask_confirmRequestReceived", "endEvent_requestPassedOn");
        assertThat(calls).containsExactly("forward", "reply:payment.claim.received");
    }

    @Test
    void paidMessageForAnInvoiceAlreadyPaidThanksTheCustomer() {
        forwardResult = "alreadyPaid";
        ProcessInstance pi = customerSays("claim", "one");
        assertThat(pi).hasPassed("endEvent_requestPassedOn");
        assertThat(calls).contains("reply:payment.claim.alreadyPaid");
    }

    @Test
    void withSeveralOpenInvoicesTheCustomerIsAskedWhichOne() {
        ProcessInstance pi = customerSays("claim", "several");
        assertThat(pi).isWaitingAt("gateway_invoiceChosen");
        runtimeService().createMessageCorrelation("customerReplied").processInstanceId(pi.getId())
                .setVariable("replyId", "INVOICE:INV-1002").correlate();
        drain();
        assertThat(pi).isEnded().hasPassedInOrder("serviceTask_askWhichInvoice", "serviceTask_noteChosenInvoice",
                "serviceTask_forwardToInvoiceFollowUp", "endEvent_requestPassedOn");
    }

    @Test
    void unansweredInvoiceQuestionEndsAfterADay() {
        ProcessInstance pi = customerSays("claim", "several");
        at(2026, 11, 21, 9, 1);
        drain();
        assertThat(pi).isEnded().hasPassed("endEvent_invoiceNotChosen");
    }

    @Test
    void disputeIsPassedToTheInvoiceFollowUp() {
        ProcessInstance pi = customerSays("dispute", "one");
        assertThat(pi).hasPassed("endEvent_requestPassedOn");
        assertThat(calls).contains("reply:payment.dispute.received");
    }

    @Test
    void claimWithoutAnyInvoiceGoesToAccounts() {
        ProcessInstance pi = customerSays("claim", "none");
        assertThat(pi).isWaitingAt("userTask_resolvePaymentProblem");
        assertThat(calls).contains("reply:payment.request.toAccounts");
    }

    @Test
    void claimForAnInvoiceWhoseFollowUpIsBusyGoesToAccounts() {
        forwardResult = "notWaiting";
        ProcessInstance pi = customerSays("claim", "one");
        assertThat(pi).isWaitingAt("userTask_resolvePaymentProblem");
    }

    @Test
    void failedOrDoublePaymentBecomesAccountsTaskAndTheirReplyIsSent() {
        ProcessInstance pi = customerSays("problem", "none");
        assertThat(pi).isWaitingAt("userTask_resolvePaymentProblem");
        assertThat(task()).hasCandidateGroup("accounts");
        assertThat(calls).contains("reply:payment.problem.received");
        complete(task(pi), withVariables("staffReply", "Refund of the double debit is on its way."));
        drain();
        assertThat(pi).isEnded().hasPassed("endEvent_paymentProblemResolved");
        assertThat(calls).contains("staffReply:Refund of the double debit is on its way.");
    }

    @Test
    void sendInvoiceAgainResendsTheOpenInvoices() {
        ProcessInstance pi = customerSays("resend", "one");
        assertThat(pi).isEnded().hasPassed("endEvent_invoiceResent");
        assertThat(calls).containsExactly("resend");
    }

    @Test
    void howMuchIsDueAnswersWithTheOpenInvoices() {
        ProcessInstance pi = customerSays("balance", "several");
        assertThat(pi).isEnded().hasPassed("endEvent_amountDueSent");
        assertThat(calls).containsExactly("amountDue");
    }

    // ---------------- helpers ----------------

    private ProcessInstance startInvoice() {
        return startInvoice(4500.0);
    }

    private ProcessInstance startInvoice(double invoiceAmount) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(PaymentProcess.INVOICE_NUMBER, INVOICE);
        vars.put(PaymentProcess.WA_ID, WA_ID);
        vars.put(PaymentProcess.LANGUAGE, "en");
        vars.put(PaymentProcess.INVOICE_AMOUNT, invoiceAmount);
        vars.put(PaymentProcess.DUE_DATE, "2026-12-01");
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PaymentProcess.KEY, INVOICE, vars);
        drain();
        return pi;
    }

    private ProcessInstance customerSays(String request, String match) {
        understood.put(PaymentProcess.PAYMENT_REQUEST, request);
        understood.put(PaymentProcess.INVOICE_MATCH, match);
        if ("one".equals(match)) {
            understood.put(PaymentProcess.INVOICE_NUMBER + "Chosen", INVOICE);
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put(PaymentProcess.WA_ID, WA_ID);
        vars.put(PaymentProcess.LANGUAGE, "en");
        vars.put(PaymentProcess.MESSAGE_TEXT, "some text");
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PaymentProcess.KEY, WA_ID, vars);
        drain();
        return pi;
    }

    private void claim() {
        runtimeService().createMessageCorrelation(PaymentProcess.PAYMENT_CLAIMED).processInstanceBusinessKey(INVOICE)
                .setVariable(PaymentProcess.CLAIMED_REFERENCE, "412345678901").correlate();
    }

    private ProcessInstance collection(ProcessInstance invoice) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(invoice.getId()).singleResult();
    }

    /** Runs every job that is due now (async continuations and timers whose time has come). */
    private void drain() {
        for (int i = 0; i < 50; i++) {
            List<Job> jobs = managementService().createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            managementService().executeJob(jobs.get(0).getId());
        }
        throw new AssertionError("jobs keep coming");
    }

    private Object variable(ProcessInstance pi, String name) {
        return runtimeService().getVariable(pi.getId(), name);
    }

    private Date nextFollowUpAt(ProcessInstance pi) {
        return (Date) variable(pi, PaymentProcess.NEXT_FOLLOW_UP_AT);
    }

    private static Date ist(int y, int m, int d, int h, int min) {
        return Date.from(ZonedDateTime.of(y, m, d, h, min, 0, 0, IST).toInstant());
    }

    private static void at(int y, int m, int d, int h, int min) {
        ClockUtil.setCurrentTime(ist(y, m, d, h, min));
    }
}
