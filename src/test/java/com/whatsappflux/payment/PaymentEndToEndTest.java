package com.whatsappflux.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.whatsappflux.business.BusinessProfileService;
import com.whatsappflux.crm.ContactService;
import com.whatsappflux.testing.FluxIntegrationTest;

/** Invoices through the real app: API → document → reminder → customer "paid" → accounts task → receipt; Razorpay. */
class PaymentEndToEndTest extends FluxIntegrationTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final String WEBHOOK_SECRET = "razorpay-test-webhook-secret";

    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ContactService contacts;
    @Autowired
    BusinessProfileService profiles;
    @Autowired
    PaymentSettings settings;
    @Autowired
    InvoiceRepository invoices;

    @BeforeEach
    void businessTakesUpi() {
        assertThat(profiles.profile().upiVpa()).as("demo business VPA").isNotBlank();
        settings.setRazorpay("https://api.razorpay.com", "", "", WEBHOOK_SECRET);
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        settings.setRazorpay("https://api.razorpay.com", "", "", "");
    }

    @Test
    void invoiceToReminderToClaimToAccountsToReceipt() {
        String waId = newCustomer();
        String number = "INV-E2E-" + waId.substring(6);
        // she last wrote 23 hours ago: the window is open for the invoice, closed by the first reminder
        contacts.recordInbound(waId, null, "Asha", PHONE_NUMBER_ID, Instant.now().minusSeconds(23 * 3600));
        LocalDate due = LocalDate.now(IST).plusDays(4); // first reminder: 3 days before, tomorrow 10:00

        HttpResponse<String> created = api("POST", "/api/invoices", invoiceJson(number, waId, due));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        JsonNode document = awaitSent(waId, 1).get(0);
        assertThat(document.path("type").asText()).isEqualTo("document");
        String link = document.path("document").path("link").asText();
        assertThat(link).matches(".*/files/invoices/[0-9a-f]{48}\\.pdf");
        assertThat(document.path("document").path("caption").asText()).contains(number, "₹4,500.00",
                "upi://pay?pa=", "&am=4500.00&cu=INR&tn=" + number);
        HttpResponse<String> pdf = api("GET", link.substring(link.indexOf("/files/")), null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/pdf"));
        assertThat(pdf.body()).startsWith("%PDF");

        // time travel to the first reminder (3 days before the due date); the customer's window has closed by then: template
        ProcessInstance collection = collectionOf(number);
        Date reminderAt = Awaitility.await().until(
                () -> (Date) runtimeService.getVariable(collection.getId(), PaymentProcess.NEXT_FOLLOW_UP_AT), d -> d != null);
        Awaitility.await().until(() -> managementService.createJobQuery().processInstanceId(collection.getId()).timers().count() == 1);
        assertThat(reminderAt.toInstant()).isEqualTo(due.minusDays(3).atTime(10, 0).atZone(IST).toInstant());
        ClockUtil.setCurrentTime(Date.from(reminderAt.toInstant().plusSeconds(60)));
        Job timer = managementService.createJobQuery().processInstanceId(collection.getId()).timers().singleResult();
        runDueJob(managementService, timer.getId());
        JsonNode reminder = awaitSent(waId, 2).get(1);
        assertThat(reminder.path("type").asText()).isEqualTo("template");
        assertThat(reminder.path("template").path("name").asText()).isEqualTo("payment_reminder");
        List<String> params = reminder.path("template").path("components").get(0).path("parameters")
                .findValues("text").stream().map(JsonNode::asText).toList();
        assertThat(params).containsExactly("Asha", number, "₹4,500.00",
                String.format("%02d/%02d/%d", due.getDayOfMonth(), due.getMonthValue(), due.getYear()));
        assertThat(reminder.toString()).contains("\"payload\":\"PAID\"", "\"payload\":\"SEND_INVOICE\"");
        ClockUtil.reset();

        customerWrites(waId, "paid, UTR 412345678901");
        JsonNode task = Awaitility.await().until(() -> verifyTask(number), t -> t != null);
        assertThat(task.path("name").asText()).isEqualTo("Verify payment");
        JsonNode ack = awaitSent(waId, 3).get(2);
        assertThat(ack.path("text").path("body").asText()).contains("checking your payment", number);

        HttpResponse<String> completed = api("POST", "/engine-rest/task/" + task.path("id").asText() + "/complete",
                "{\"variables\":{\"paymentVerified\":{\"value\":true},\"verifiedAmount\":{\"value\":4500}}}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

        JsonNode receipt = awaitSent(waId, 4).get(3);
        assertThat(receipt.path("text").path("body").asText()).contains("₹4,500.00", number, "fully paid");
        Awaitility.await().until(() -> readJson(api("GET", "/api/invoices/" + number, null).body()).path("status").asText(),
                "PAID"::equals);
        Invoice invoice = invoices.find(number).orElseThrow();
        assertThat(invoices.ledgerKinds(invoice.id())).containsExactly("INVOICED", "PAYMENT", "SETTLED");
        assertThat(invoices.find(number).orElseThrow().paidAmount()).isEqualByComparingTo("4500");
    }

    @Test
    void invoiceApiRejectsDuplicatesAndInvalidInput() {
        String waId = newCustomer();
        String number = "INV-API-" + waId.substring(6);
        LocalDate due = LocalDate.now(IST).plusDays(10);
        assertThat(api("POST", "/api/invoices", invoiceJson(number, waId, due)).statusCode()).isEqualTo(201);
        HttpResponse<String> again = api("POST", "/api/invoices", invoiceJson(number, waId, due));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already exists");
        HttpResponse<String> bad = api("POST", "/api/invoices", invoiceJson("INV-BAD-" + waId, "12ab", due));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("waId");
        HttpResponse<String> badDate = api("POST", "/api/invoices", invoiceJson("INV-BAD2-" + waId, waId, due)
                .replace(due.toString(), "01-12-2026"));
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("dueDate");
        assertThat(api("POST", "/api/invoices", invoiceJson(number + "-X", waId, due), null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void csvImportCountsCreatedSkippedAndErrors() {
        String waId = newCustomer();
        String a = "INV-CSV-A-" + waId.substring(6);
        String csv = "number,waId,customerName,amount,currency,dueDate,pdfUrl,description\n"
                + a + "," + waId + ",Ravi,1250.50,INR,2030-01-15,,Cement bags\n"
                + a + "," + waId + ",Ravi,1250.50,INR,2030-01-15,,Cement bags\n"
                + "INV-CSV-B-" + waId.substring(6) + "," + waId + ",Ravi,abc,INR,2030-01-15,,\n";
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/invoices/import"))
                .header("Content-Type", "text/csv").header("Authorization", basicAdmin())
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = readJson(response.body());
        assertThat(result.path("created").asInt()).isEqualTo(1);
        assertThat(result.path("skipped").asInt()).isEqualTo(1);
        assertThat(result.path("errors").asInt()).isEqualTo(1);
        assertThat(result.path("lines").get(2).path("line").asInt()).isEqualTo(4);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(a)
                .processDefinitionKey(PaymentProcess.KEY).count()).isEqualTo(1);
    }

    @Test
    void razorpayLinkIsCreatedAndItsPaidWebhookSettlesTheInvoiceOnce() {
        settings.setRazorpay(GRAPH.baseUrl(), "rzp_test_key", "rzp_test_secret", WEBHOOK_SECRET);
        GRAPH.stubFor(post(urlEqualTo("/v1/payment_links")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"plink_TEST{{randomValue length=10 type='ALPHANUMERIC'}}\",\"short_url\":\"https://rzp.io/i/abc123\",\"status\":\"created\"}")
                .withTransformers("response-template")));
        String waId = newCustomer();
        String number = "INV-RZP-" + waId.substring(6);
        contacts.recordInbound(waId, null, "Meera", PHONE_NUMBER_ID, Instant.now());
        assertThat(api("POST", "/api/invoices", invoiceJson(number, waId, LocalDate.now(IST).plusDays(5))).statusCode()).isEqualTo(201);

        JsonNode document = awaitSent(waId, 1).get(0);
        assertThat(document.path("document").path("caption").asText()).contains("https://rzp.io/i/abc123");
        GRAPH.verify(postRequestedFor(urlEqualTo("/v1/payment_links"))
                .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder().encodeToString("rzp_test_key:rzp_test_secret".getBytes())))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                        "{\"amount\":450000,\"currency\":\"INR\",\"reference_id\":\"" + number + "\",\"accept_partial\":false}", true, true)));
        String linkId = invoices.find(number).orElseThrow().paymentLinkId();
        assertThat(linkId).startsWith("plink_TEST");

        String event = paidEvent(linkId, number, "pay_" + waId, 450000);
        assertThat(razorpay(event, "evt_" + waId, RazorpayWebhookController.sign(event, "wrong-secret")).statusCode()).isEqualTo(401);
        assertThat(razorpay(event, "evt_" + waId, null).statusCode()).isEqualTo(401);
        HttpResponse<String> ok = razorpay(event, "evt_" + waId, RazorpayWebhookController.sign(event, WEBHOOK_SECRET));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("recorded");
        HttpResponse<String> duplicate = razorpay(event, "evt_" + waId, RazorpayWebhookController.sign(event, WEBHOOK_SECRET));
        assertThat(duplicate.statusCode()).isEqualTo(200);
        assertThat(duplicate.body()).contains("duplicate");

        JsonNode receipt = awaitSent(waId, 2).get(1);
        assertThat(receipt.path("text").path("body").asText()).contains(number, "₹4,500.00");
        assertThat(invoices.find(number).orElseThrow().status()).isEqualTo(Invoice.PAID);
        assertThat(invoices.find(number).orElseThrow().paidAmount()).isEqualByComparingTo("4500");

        String unknown = paidEvent("plink_nobody", "INV-NOBODY", "pay_x" + waId, 1000);
        HttpResponse<String> unknownAnswer = razorpay(unknown, "evt_x" + waId, RazorpayWebhookController.sign(unknown, WEBHOOK_SECRET));
        assertThat(unknownAnswer.statusCode()).isEqualTo(200);
        assertThat(unknownAnswer.body()).contains("unknown invoice");
    }

    @Test
    void accountsRecordingAPartPaymentKeepsTheBalanceOpen() {
        String waId = newCustomer();
        String number = "INV-PART-" + waId.substring(6);
        invoiceSentAndFollowUpPlanned(waId, "Kiran", number);
        HttpResponse<String> paid = api("POST", "/api/invoices/" + number + "/payments",
                "{\"amount\":1500.00,\"reference\":\"UTR111122223333\",\"method\":\"upi\"}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        assertThat(readJson(paid.body()).path("balance").decimalValue()).isEqualByComparingTo("3000");
        // what "Look up customer" hands to the route table: one invoice open, 3,000 still owed
        assertThat(invoices.openInvoices(waId).count()).isEqualTo(1);
        assertThat(invoices.openInvoices(waId).total()).isEqualByComparingTo("3000");
        JsonNode ack = awaitSent(waId, 2).get(1);
        assertThat(ack.path("text").path("body").asText()).contains("₹1,500.00", "₹3,000.00");
        assertThat(api("POST", "/api/invoices/" + number + "/payments",
                "{\"amount\":1500.00,\"reference\":\"UTR111122223333\",\"method\":\"upi\"}").body()).contains("duplicate");
    }

    @Test
    void photoWithoutWordsFromACustomerWhoOwesIsTakenAsProofOfPayment() {
        String waId = newCustomer();
        String number = "INV-SHOT-" + waId.substring(6);
        invoiceSentAndFollowUpPlanned(waId, "Meena", number);

        // the UPI app's screenshot, no caption: the classifier has nothing to read, the open invoice says payment
        ObjectNode photo = json.createObjectNode().put("type", "image");
        photo.putObject("image").put("id", "1040" + waId).put("mime_type", "image/jpeg").put("sha256", "c2NyZWVuc2hvdA==");
        HttpResponse<String> posted = postWebhook(payload(waId, "Meena", photo));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

        JsonNode task = Awaitility.await().until(() -> verifyTask(number), t -> t != null);
        assertThat(task.path("name").asText()).isEqualTo("Verify payment");
        // accounts see the screenshot's address in the conversation on the task
        JsonNode transcript = readJson(api("GET", "/engine-rest/task/" + task.path("id").asText() + "/variables/transcript",
                null).body());
        assertThat(transcript.path("value").asText()).containsPattern("Customer: \\[photo: /api/media/[0-9]+\\]");
        JsonNode ack = awaitSent(waId, 2).get(1);
        assertThat(ack.path("text").path("body").asText()).contains("checking your payment", number);
        assertThat(invoices.find(number).orElseThrow().paidAmount()).isEqualByComparingTo("0");
    }

    /** A customer who wrote just now gets an invoice due in five days; its follow-up has planned the first reminder. */
    private void invoiceSentAndFollowUpPlanned(String waId, String name, String number) {
        contacts.recordInbound(waId, null, name, PHONE_NUMBER_ID, Instant.now());
        api("POST", "/api/invoices", invoiceJson(number, waId, LocalDate.now(IST).plusDays(5)));
        awaitSent(waId, 1);
        Awaitility.await().until(() -> collectionOf(number) != null
                && runtimeService.getVariable(collectionOf(number).getId(), PaymentProcess.NEXT_FOLLOW_UP_AT) != null);
    }

    private JsonNode verifyTask(String number) {
        JsonNode tasks = readJson(api("GET", "/engine-rest/task?processInstanceBusinessKey=" + number
                + "&taskDefinitionKey=userTask_verifyPayment", null).body());
        return tasks.isArray() && tasks.size() > 0 ? tasks.get(0) : null;
    }

    private ProcessInstance collectionOf(String number) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PaymentProcess.COLLECTION_KEY)
                .processInstanceBusinessKey(number).singleResult();
    }

    private HttpResponse<String> razorpay(String body, String eventId, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/webhooks/razorpay"))
                .header("Content-Type", "application/json").header("X-Razorpay-Event-Id", eventId)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Razorpay-Signature", signature);
        }
        return send(request.build());
    }

    private static String paidEvent(String linkId, String reference, String paymentId, long paise) {
        return "{\"entity\":\"event\",\"account_id\":\"acc_test\",\"event\":\"payment_link.paid\",\"contains\":[\"payment_link\",\"payment\"],"
                + "\"payload\":{\"payment_link\":{\"entity\":{\"id\":\"" + linkId + "\",\"reference_id\":\"" + reference
                + "\",\"amount\":" + paise + ",\"amount_paid\":" + paise + ",\"status\":\"paid\"}},"
                + "\"payment\":{\"entity\":{\"id\":\"" + paymentId + "\",\"amount\":" + paise
                + ",\"currency\":\"INR\",\"status\":\"captured\",\"method\":\"upi\"}}},\"created_at\":1767225600}";
    }

    private static String invoiceJson(String number, String waId, LocalDate due) {
        return "{\"number\":\"" + number + "\",\"waId\":\"" + waId + "\",\"customerName\":\"Asha\",\"amount\":4500.00,"
                + "\"currency\":\"INR\",\"dueDate\":\"" + due + "\",\"items\":[{\"description\":\"Steel rods\",\"quantity\":2,"
                + "\"unitPrice\":2250.00}],\"pdfUrl\":null}";
    }

    private static String basicAdmin() {
        return "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes());
    }
}
