package com.whatsappflux.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import com.whatsappflux.testing.FluxIntegrationTest;

/** Blue ticks: a message Flux has taken up is marked read at Meta, once, and a failing receipt changes nothing else. */
class ReadReceiptsIntegrationTest extends FluxIntegrationTest {

    private static final String MESSAGES = "/v[0-9.]+/[0-9]+/messages";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aMessageDeliveredThreeTimesAtOnceIsMarkedReadOnceAfterItWasRouted() {
        String waId = newCustomer();
        String body = payload(waId, "Kavya", text("Hi, interested in pricing of the 43 inch TV"));
        String wamid = readJson(body).findValue("messages").get(0).path("id").asText();

        List<CompletableFuture<HttpResponse<String>>> deliveries = IntStream.range(0, 3)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> postWebhook(body))).toList();
        deliveries.forEach(delivery -> assertThat(delivery.join().statusCode()).isEqualTo(200));

        Awaitility.await().until(() -> readReceipts(wamid).size() == 1);
        assertThat(jdbc.queryForObject("SELECT status FROM inbound_message WHERE wamid = ?", String.class, wamid))
                .isEqualTo("PROCESSED");
        assertThat(readReceipts(wamid).get(0)).isEqualTo(readJson("""
                {"messaging_product":"whatsapp","status":"read","message_id":"%s"}""".formatted(wamid)));
        awaitSent(waId, 1); // the lead workflow's answer went out as usual
        Awaitility.await().during(java.time.Duration.ofMillis(500)).until(() -> readReceipts(wamid).size() == 1);
    }

    @Test
    void aReadReceiptMetaRejectsDoesNotStopTheWorkflowsAnswer() {
        GRAPH.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.status", equalTo("read")))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"An unknown error has occurred.\",\"code\":1}}")));
        String waId = newCustomer();
        String body = payload(waId, "Imran", text("Hi, interested in pricing of the 43 inch TV"));
        String wamid = readJson(body).findValue("messages").get(0).path("id").asText();

        assertThat(postWebhook(body).statusCode()).isEqualTo(200);

        Awaitility.await().until(() -> readReceipts(wamid).size() == 1);
        List<JsonNode> answers = awaitSent(waId, 1);
        assertThat(answers.get(0).path("to").asText()).isEqualTo("+" + waId);
        assertThat(jdbc.queryForObject("SELECT status FROM inbound_message WHERE wamid = ?", String.class, wamid))
                .isEqualTo("PROCESSED");
    }

    private List<JsonNode> readReceipts(String wamid) {
        return GRAPH.findAll(postRequestedFor(urlPathMatching(MESSAGES))).stream()
                .map(request -> readJson(request.getBodyAsString()))
                .filter(sent -> "read".equals(sent.path("status").asText()) && wamid.equals(sent.path("message_id").asText()))
                .toList();
    }
}
