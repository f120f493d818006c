package com.whatsappflux.whatsapp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/** The HTTP call to {@code POST /{version}/{phone-number-id}/messages}; no retries or state here. */
@Component
public class GraphApiClient {

    private final WhatsAppProperties properties;
    private final ObjectMapper json;
    private final HttpClient http;

    public GraphApiClient(WhatsAppProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.requestTimeout()).build();
    }

    /**
     * Meta's answer: the wamid on success, else the error code and message (code null: no answer at all).
     * {@code inDoubt}: the request may have reached Meta but no answer came back (read timeout, connection
     * dropped mid-exchange), so Meta may have accepted it; the Cloud API has no idempotency key to ask.
     */
    public record GraphResponse(boolean success, String wamid, Integer errorCode, String errorMessage, int httpStatus,
                                boolean inDoubt) {
    }

    public GraphResponse post(String phoneNumberId, JsonNode body) {
        try {
            return answer(http.send(request(phoneNumberId, body), HttpResponse.BodyHandlers.ofString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new GraphResponse(false, null, null, "interrupted while waiting for the answer", 0, true);
        } catch (IOException e) {
            return noAnswer(e);
        }
    }

    /** The same call without holding a thread while Meta answers (for best-effort calls such as read receipts). */
    public CompletableFuture<GraphResponse> postAsync(String phoneNumberId, JsonNode body) {
        return http.sendAsync(request(phoneNumberId, body), HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> failure == null ? answer(response)
                        : noAnswer(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure));
    }

    private HttpRequest request(String phoneNumberId, JsonNode body) {
        return HttpRequest.newBuilder(URI.create(properties.graphUrl(phoneNumberId + "/messages")))
                .timeout(properties.requestTimeout())
                .header("Authorization", "Bearer " + properties.accessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    private GraphResponse noAnswer(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException || failure instanceof ConnectException) {
            // no connection, so nothing was sent: safe to retry at once
            return new GraphResponse(false, null, null, "cannot connect: " + failure.getMessage(), 0, false);
        }
        if (failure instanceof HttpTimeoutException) {
            return new GraphResponse(false, null, null, "no answer within " + properties.requestTimeout(), 0, true);
        }
        return new GraphResponse(false, null, null, "connection lost: " + failure.getMessage(), 0, true);
    }

    private GraphResponse answer(HttpResponse<String> response) {
        JsonNode answer = readJson(response.body());
        if (response.statusCode() / 100 == 2) {
            String wamid = answer.path("messages").path(0).path("id").asText(null);
            boolean success = answer.path("success").asBoolean(false) || wamid != null;
            // a 2xx without a message id: Meta may well have accepted it, so it is in doubt like a timeout
            return new GraphResponse(success, wamid, null, success ? null : "2xx answer without a message id",
                    response.statusCode(), !success);
        }
        JsonNode error = answer.path("error");
        Integer code = error.path("code").canConvertToInt() && error.has("code") ? error.path("code").asInt() : null;
        String message = error.path("message").asText("HTTP " + response.statusCode());
        String details = error.path("error_data").path("details").asText(null);
        String trace = error.path("fbtrace_id").asText(null);
        return new GraphResponse(false, null, code,
                message + (details == null ? "" : " — " + details) + (trace == null ? "" : " [fbtrace_id " + trace + "]"),
                response.statusCode(), false);
    }

    private JsonNode readJson(String body) {
        return readAnswer(json, body);
    }

    /** Meta's JSON answer, or an empty object when there was none or it was not JSON (an HTML error page, say). */
    static JsonNode readAnswer(ObjectMapper json, String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}
