package com.whatsappflux.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.whatsappflux.crm.Contact;
import com.whatsappflux.crm.ContactService;
import com.whatsappflux.testing.FluxIntegrationTest;

/** POST/GET /webhooks/whatsapp: signatures, bad input, duplicates, every inbound type, statuses. */
class WebhookIntegrationTest extends FluxIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ContactService contacts;

    @Test
    void verificationHandshakeAnswersTheChallengeOnlyForOurToken() {
        HttpResponse<String> ok = send(HttpRequest.newBuilder(url(
                "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=1158201444")).build());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(url(
                "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1")).build());
        assertThat(wrong.statusCode()).isEqualTo(403);
        HttpResponse<String> mode = send(HttpRequest.newBuilder(url(
                "/webhooks/whatsapp?hub.mode=unsubscribe&hub.verify_token=test-verify-token&hub.challenge=1")).build());
        assertThat(mode.statusCode()).isEqualTo(403);
    }

    @Test
    void missingOrWrongSignatureIsRejectedAndNothingStored() {
        String waId = newCustomer();
        String body = payload(waId, "Asha", text("hello"));
        long before = payloads();
        assertThat(postWebhook(body, null).statusCode()).isEqualTo(401);
        assertThat(postWebhook(body, "sha256=" + "0".repeat(64)).statusCode()).isEqualTo(401);
        assertThat(postWebhook(body, "sha256=not-hex").statusCode()).isEqualTo(401);
        assertThat(postWebhook(body, WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), "other-secret"))
                .statusCode()).isEqualTo(401);
        assertThat(payloads()).isEqualTo(before);
        assertThat(inbound(waId)).isZero();
    }

    @Test
    void signatureIsCheckedOverTheRawEscapedBytes() {
        String waId = newCustomer();
        // Meta sends non-ASCII as \\uXXXX escapes: the signature is over exactly these bytes
        String body = payload(waId, "Asha", text("PLACEHOLDER")).replace("PLACEHOLDER",
                "\\u0915\\u0932 \\u0938\\u0941\\u092c\\u0939 \\u20b9500 \\ud83d\\ude4f");
        assertThat(postWebhook(body).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT text FROM inbound_message WHERE customer_key = ?", String.class, waId))
                .isEqualTo("कल सुबह ₹500 🙏");
    }

    @Test
    void malformedJsonIs400AndNothingStored() {
        long before = payloads();
        for (String bad : List.of("{not json", "[]", "\"text\"", "{\"object\": 5}",
                "{\"object\":\"whatsapp_business_account\",\"entry\":{}}",
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":"
                        + "{\"metadata\":{\"phone_number_id\":\"" + PHONE_NUMBER_ID + "\"},\"messages\":[{\"id\":7}]}}]}]}")) {
            HttpResponse<String> response = postWebhook(bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.body()).contains("malformed").doesNotContain("Exception").doesNotContain("at com.");
        }
        assertThat(payloads()).isEqualTo(before);
    }

    @Test
    void invalidUtf8AndDeepNestingAre400() {
        byte[] invalid = "{\"object\":\"whatsapp_business_account\",\"x\":\"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/webhooks/whatsapp"))
                .header("X-Hub-Signature-256", WebhookSignature.sign(invalid, APP_SECRET))
                .POST(HttpRequest.BodyPublishers.ofByteArray(invalid)).build());
        assertThat(response.statusCode()).isEqualTo(400);
        String deep = "{\"object\":\"whatsapp_business_account\",\"entry\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(postWebhook(deep).statusCode()).isEqualTo(400);
    }

    @Test
    void oversizedBodyIs413() {
        String huge = "{\"object\":\"whatsapp_business_account\",\"pad\":\"" + "x".repeat(3 * 1024 * 1024 + 10) + "\"}";
        HttpResponse<String> response = postWebhook(huge);
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void otherNumbersAndObjectsAreAcknowledgedAndIgnored() {
        String waId = newCustomer();
        assertThat(postWebhook(payload(waId, "Asha", text("hi"), "999999999999")).statusCode()).isEqualTo(200);
        assertThat(postWebhook("{\"object\":\"page\",\"entry\":[]}").statusCode()).isEqualTo(200);
        assertThat(inbound(waId)).isZero();
    }

    @Test
    void aDuplicateDeliveryIsStoredAndProcessedOnce_evenConcurrently() throws Exception {
        String waId = newCustomer();
        ObjectNode message = text("ok thanks");
        message.put("id", "wamid.dup." + waId);
        String body = payload(waId, "Asha", message);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> deliveries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            deliveries.add(() -> postWebhook(body).statusCode());
        }
        for (Future<Integer> status : pool.invokeAll(deliveries)) {
            assertThat(status.get()).isEqualTo(200);
        }
        pool.shutdown();
        assertThat(postWebhook(body).statusCode()).isEqualTo(200); // a replay later
        assertThat(inbound(waId)).isEqualTo(1);
        Awaitility.await().until(() -> "PROCESSED".equals(status("wamid.dup." + waId)));
        Long instances = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ? "
                + "AND PROC_DEF_KEY_ = 'message-intake'", Long.class, waId);
        assertThat(instances).isEqualTo(1);
    }

    @Test
    void everyInboundTypeIsStoredWithItsTypedFields_andTheContactIsKnown() {
        String waId = newCustomer();
        List<ObjectNode> messages = new ArrayList<>();
        messages.add(text("Hi, interested in pricing"));
        messages.add(buttonReply("YES", "Yes", "wamid.ctx1"));
        messages.add(listReply("slot_1", "Tue 9-10 AM", "wamid.ctx2"));
        ObjectNode template = json.createObjectNode().put("type", "button");
        template.putObject("button").put("payload", "PAID").put("text", "I have paid");
        messages.add(template);
        ObjectNode image = json.createObjectNode().put("type", "image");
        image.putObject("image").put("id", "1234").put("mime_type", "image/jpeg").put("caption", "payment screenshot");
        messages.add(image);
        ObjectNode voice = json.createObjectNode().put("type", "audio");
        voice.putObject("audio").put("id", "5678").put("mime_type", "audio/ogg; codecs=opus").put("voice", true);
        messages.add(voice);
        ObjectNode location = json.createObjectNode().put("type", "location");
        location.putObject("location").put("latitude", 12.93).put("longitude", 77.58).put("name", "Jayanagar");
        messages.add(location);
        ObjectNode contactsMessage = json.createObjectNode().put("type", "contacts");
        contactsMessage.putArray("contacts").addObject().putObject("name").put("formatted_name", "Ravi");
        messages.add(contactsMessage);
        ObjectNode reaction = json.createObjectNode().put("type", "reaction");
        reaction.putObject("reaction").put("message_id", "wamid.x").put("emoji", "👍");
        messages.add(reaction);
        ObjectNode order = json.createObjectNode().put("type", "order");
        order.putObject("order").put("catalog_id", "c1").put("text", "please deliver")
                .putArray("product_items").addObject().put("product_retailer_id", "MX-750").put("quantity", 2)
                .put("item_price", 3499).put("currency", "INR");
        messages.add(order);
        ObjectNode referral = text("Is this available?");
        referral.putObject("referral").put("source_type", "ad").put("headline", "Diwali TV sale").put("ctwa_clid", "abc");
        messages.add(referral);
        ObjectNode unsupported = json.createObjectNode().put("type", "unsupported");
        unsupported.putArray("errors").addObject().put("code", 131051).put("title", "Message type unknown");
        messages.add(unsupported);
        ObjectNode future = json.createObjectNode().put("type", "poll_vote_2030");
        messages.add(future);

        for (ObjectNode m : messages) {
            assertThat(postWebhook(payload(waId, "Asha Rao", m)).statusCode()).isEqualTo(200);
        }
        List<String> types = jdbc.queryForList("SELECT type FROM inbound_message WHERE customer_key = ? ORDER BY id",
                String.class, waId);
        assertThat(types).containsExactly("text", "button_reply", "list_reply", "template_button", "image", "audio",
                "location", "contacts", "reaction", "order", "text", "unsupported", "unknown");
        assertThat(jdbc.queryForList("SELECT context_id FROM inbound_message WHERE customer_key = ? AND context_id IS NOT NULL "
                + "ORDER BY id", String.class, waId)).containsExactly("wamid.ctx1", "wamid.ctx2");
        Contact contact = contacts.find(waId).orElseThrow();
        assertThat(contact.name()).isEqualTo("Asha Rao");
        assertThat(contact.lastInboundAt()).isNotNull();
    }

    @Test
    void statusUpdatesMoveForwardOnly_andUnknownIdsAreKept() {
        String waId = newCustomer();
        contacts.ensure(waId, "Ravi");
        jdbc.update("INSERT INTO outbound_message (idempotency_key, phone_number_id, customer_key, to_wa_id, type, "
                + "request_json, status, wamid, created_at, updated_at) VALUES (?, ?, ?, ?, 'text', '{}', 'ACCEPTED', ?, "
                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", "test:" + waId, PHONE_NUMBER_ID, waId, waId, "wamid.out." + waId);
        assertThat(postWebhook(statusPayload("wamid.out." + waId, "read", waId, null)).statusCode()).isEqualTo(200);
        assertThat(postWebhook(statusPayload("wamid.out." + waId, "delivered", waId, null)).statusCode()).isEqualTo(200);
        assertThat(postWebhook(statusPayload("wamid.out." + waId, "sent", waId, null)).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT status FROM outbound_message WHERE wamid = ?", String.class,
                "wamid.out." + waId)).isEqualTo("READ");

        assertThat(postWebhook(statusPayload("wamid.never-sent." + waId, "delivered", waId, null)).statusCode())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT known FROM message_status WHERE wamid = ?", Boolean.class,
                "wamid.never-sent." + waId)).isFalse();
    }

    @Test
    void failedStatusKeepsTheErrorCode_andUndeliverableMarksTheContact() {
        String waId = newCustomer();
        contacts.ensure(waId, "Ravi");
        jdbc.update("INSERT INTO outbound_message (idempotency_key, phone_number_id, customer_key, to_wa_id, type, "
                + "request_json, status, wamid, created_at, updated_at) VALUES (?, ?, ?, ?, 'text', '{}', 'SENT', ?, "
                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", "test:" + waId, PHONE_NUMBER_ID, waId, waId, "wamid.f." + waId);
        assertThat(postWebhook(statusPayload("wamid.f." + waId, "failed", waId, 131026)).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForMap("SELECT status, error_code FROM outbound_message WHERE wamid = ?", "wamid.f." + waId))
                .containsEntry("STATUS", "FAILED").containsEntry("ERROR_CODE", 131026);
        assertThat(contacts.find(waId).orElseThrow().unreachable()).isTrue();
    }

    @Test
    void aCustomerWithoutPhoneNumber_isKnownByTheirBusinessScopedId() {
        String userId = "IN." + System.nanoTime();
        ObjectNode root = json.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode value = root.putArray("entry").addObject().put("id", "1").putArray("changes").addObject()
                .put("field", "messages").putObject("value");
        value.putObject("metadata").put("phone_number_id", PHONE_NUMBER_ID);
        value.putArray("contacts").addObject().put("user_id", userId).putObject("profile").put("name", "asha_r");
        ObjectNode m = value.putArray("messages").addObject().put("from_user_id", userId).put("id", "wamid.u." + userId)
                .put("timestamp", String.valueOf(System.currentTimeMillis() / 1000)).put("type", "text");
        m.putObject("text").put("body", "hello");
        assertThat(postWebhook(root.toString()).statusCode()).isEqualTo(200);
        assertThat(inbound(userId)).isEqualTo(1);
    }

    @Test
    void sandboxToolsAreAbsentWithARealNumber() {
        assertThat(api("POST", "/api/sandbox/inbound", "{\"from\":\"919812345678\",\"text\":\"hi\"}", null, null)
                .statusCode()).isEqualTo(404);
        assertThat(api("GET", "/api/sandbox/outbox?to=919812345678", null, null, null).statusCode()).isEqualTo(404);
        assertThat(api("GET", "/simulator", null, null, null).statusCode()).isEqualTo(404);
    }

    private String statusPayload(String wamid, String status, String recipient, Integer errorCode) {
        ObjectNode root = json.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode value = root.putArray("entry").addObject().put("id", "1").putArray("changes").addObject()
                .put("field", "messages").putObject("value");
        value.putObject("metadata").put("phone_number_id", PHONE_NUMBER_ID);
        ObjectNode s = value.putArray("statuses").addObject().put("id", wamid).put("status", status)
                .put("timestamp", String.valueOf(System.currentTimeMillis() / 1000)).put("recipient_id", recipient);
        if (errorCode != null) {
            s.putArray("errors").addObject().put("code", errorCode).put("title", "Message undeliverable")
                    .putObject("error_data").put("details", "not on WhatsApp");
        }
        return root.toString();
    }

    private long payloads() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM webhook_payload", Long.class);
    }

    private long inbound(String customerKey) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inbound_message WHERE customer_key = ?", Long.class, customerKey);
    }

    private String status(String wamid) {
        return jdbc.queryForObject("SELECT status FROM inbound_message WHERE wamid = ?", String.class, wamid);
    }
}
