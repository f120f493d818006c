package com.whatsappflux.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.whatsappflux.testing.FluxIntegrationTest;

/** From a signed webhook to the Graph API stub: an automatic order answer, and a refund handled by a person. */
class SupportTriageEndToEndTest extends FluxIntegrationTest {

    @Autowired
    TaskService taskService;

    @Autowired
    SupportCases cases;

    @Test
    void orderQuestionIsAnsweredWithItsStatus() {
        String waId = newCustomer();
        // a number of this run's own: the PostgreSQL test database outlives a run, and a known number is an update (200)
        String number = "4" + waId.substring(waId.length() - 5);
        HttpResponse<String> created = api("POST", "/api/orders", """
                {"number":"%s","waId":"%s","status":"SHIPPED","expectedDelivery":"2026-11-27","trackingUrl":null,
                 "items":[{"sku":"TV-43-4K","name":"43 inch 4K Smart TV","quantity":1,"unitPrice":28990.00}]}"""
                .formatted(number, waId));
        assertThat(created.statusCode()).isEqualTo(201);

        customerWrites(waId, "where is my order " + number + "?");
        List<JsonNode> sent = awaitSent(waId, 2);
        assertThat(sent.get(0).path("text").path("body").asText()).contains("#" + number).contains("shipped").contains("27 Nov");
        JsonNode question = sent.get(1).path("interactive");
        assertThat(question.path("type").asText()).isEqualTo("button");
        assertThat(question.path("action").path("buttons").findValuesAsText("id"))
                .containsExactly(SupportProcess.BUTTON_SOLVED, SupportProcess.BUTTON_PERSON);
    }

    @Test
    void refundRequestBecomesSupportTask_agentReplyIsSent_andRatingStored() {
        String waId = newCustomer();
        customerWrites(waId, "product kharab nikla, refund chahiye");
        Task task = Awaitility.await().until(() -> taskService.createTaskQuery().processInstanceBusinessKey(waId)
                .taskDefinitionKey(SupportProcess.TASK_RESOLVE_CASE).singleResult(), t -> t != null);
        assertThat(taskService.getIdentityLinksForTask(task.getId())).anyMatch(l -> "support".equals(l.getGroupId()));
        awaitSent(waId, 1); // "a person will reply"

        HttpResponse<String> completed = api("POST", "/engine-rest/task/" + task.getId() + "/complete",
                "{\"variables\":{\"staffReply\":{\"value\":\"Sorry about that! We will replace it tomorrow.\"}}}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        List<JsonNode> sent = awaitSent(waId, 3);
        assertThat(sent.get(1).path("text").path("body").asText()).isEqualTo("Sorry about that! We will replace it tomorrow.");
        JsonNode ratingList = sent.get(2).path("interactive");
        assertThat(ratingList.path("type").asText()).isEqualTo("list");
        assertThat(ratingList.path("action").path("sections").get(0).path("rows")).hasSize(5);

        postWebhook(payload(waId, "Test Customer", listReply("SUPPORT_CSAT_4", "4 - Good", null)));
        long caseId = ((Number) Awaitility.await().until(() -> historyCaseId(waId), id -> id != null)).longValue();
        Awaitility.await().until(() -> cases.ratings(caseId), r -> r.equals(List.of(4)));
        assertThat(cases.find(caseId).get("resolved_by")).isEqualTo("human");

        JsonNode metrics = readJson(api("GET", "/api/support/metrics", null).body());
        assertThat(metrics.path("resolvedByHuman").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(metrics.path("averageCsat").isNumber()).isTrue();
    }

    @Test
    void faqIsEditableThroughTheApi_andMatchedByMeaning() {
        HttpResponse<String> created = api("POST", "/api/faq", """
                {"key":"parking","language":"en","question":"Is there parking at the store?",
                 "answer":"Yes, free parking for 10 cars in front of the showroom."}""");
        assertThat(created.statusCode()).isEqualTo(201);
        long id = readJson(created.body()).path("id").asLong();
        assertThat(api("GET", "/api/faq/match?q=delivery%20ka%20kitna%20lagega&language=hi-Latn", null).body())
                .contains("delivery_charge");
        assertThat(api("PUT", "/api/faq/" + id, """
                {"key":"parking","language":"en","question":"Where can I park?","answer":"Free parking in front.","active":true}""")
                .statusCode()).isEqualTo(200);
        assertThat(api("DELETE", "/api/faq/" + id, null).statusCode()).isEqualTo(204);
    }

    private Long historyCaseId(String waId) {
        return cases.caseIdFor(waId);
    }
}
