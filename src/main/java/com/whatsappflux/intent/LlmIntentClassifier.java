package com.whatsappflux.intent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an OpenAI-compatible chat-completions endpoint for intent, language and confidence, and falls
 * back to the built-in model on a timeout, an HTTP error or an answer it cannot parse — a slow or broken
 * LLM must never hold up the message pipeline. Entities always come from the built-in extractor, which
 * is exact where an LLM paraphrases.
 */
public final class LlmIntentClassifier implements IntentClassifier {

    private static final Logger log = LoggerFactory.getLogger(LlmIntentClassifier.class);
    private static final Set<String> LANGUAGES = Set.of("en", "hi", "hi-Latn", "ta", "ta-Latn", "te", "mr", "bn", "kn", "gu", "ml",
            "pa", "te-Latn", "mr-Latn", "bn-Latn", "kn-Latn", "gu-Latn", "ml-Latn", "pa-Latn");
    static final String SYSTEM_PROMPT = """
            You classify WhatsApp messages sent to small Indian businesses. Answer with one JSON object only:
            {"intent": one of lead|support|payment|booking|vendor|opt_out|other, "language": one of en|hi|hi-Latn|ta|ta-Latn|te|mr|bn|kn|gu|ml|pa,
            "confidence": number 0..1}.
            lead = enquiry about prices, quotes, catalogues, courses; support = order status, complaints, returns, refunds, timings, address, stock;
            payment = customer paid or asks about dues, bills, invoices, UPI, EMI; booking = appointments, slots, tables, reschedule or cancel;
            vendor = a supplier writing to the business (dispatch, their rate list, their pending bill); opt_out = wants no more messages;
            other = greetings, thanks, acknowledgements, wrong number, spam.""";

    private final BuiltInIntentClassifier fallback;
    private final IntentProperties.Llm config;
    private final URI endpoint;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public LlmIntentClassifier(IntentProperties.Llm config, BuiltInIntentClassifier fallback) {
        this.config = config;
        this.fallback = fallback;
        this.endpoint = endpoint(config.url());
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    static URI endpoint(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("flux.intent.llm.url must be set when flux.intent.llm.enabled=true");
        }
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return URI.create(trimmed.endsWith("/chat/completions") ? trimmed : trimmed + "/v1/chat/completions");
    }

    /** The built-in model: a remote call must not hold the inbox transaction (the LLM classifies queued new work). */
    @Override
    public IntentClassifier inProcess() {
        return fallback;
    }

    @Override
    public Classification classify(String text) {
        return classify(text, ZonedDateTime.now(fallback.zone()));
    }

    @Override
    public Classification classify(String text, ZonedDateTime now) {
        Classification local = fallback.classify(text, now);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(requestBody(text), StandardCharsets.UTF_8));
            if (config.apiKey() != null && !config.apiKey().isBlank()) {
                request.header("Authorization", "Bearer " + config.apiKey());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                log.warn("LLM classifier answered HTTP {}; using the built-in model", response.statusCode());
                return local;
            }
            return parse(response.body(), local);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return local;
        } catch (Exception e) {
            log.warn("LLM classifier failed ({}); using the built-in model", e.toString());
            return local;
        }
    }

    String requestBody(String text) throws com.fasterxml.jackson.core.JsonProcessingException {
        ObjectNode body = json.createObjectNode();
        if (config.model() != null) {
            body.put("model", config.model());
        }
        body.put("temperature", 0);
        body.putObject("response_format").put("type", "json_object");
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM_PROMPT);
        messages.addObject().put("role", "user").put("content", text);
        return json.writeValueAsString(body);
    }

    /** Reads choices[0].message.content as the JSON answer; anything unexpected means the built-in result. */
    Classification parse(String responseBody, Classification local) {
        try {
            JsonNode content = json.readTree(responseBody).path("choices").path(0).path("message").path("content");
            if (!content.isTextual()) {
                log.warn("LLM classifier answer has no message content; using the built-in model");
                return local;
            }
            JsonNode answer = json.readTree(stripCodeFence(content.asText()));
            Intent intent = Intent.fromCode(answer.path("intent").asText(""));
            double confidence = answer.path("confidence").isNumber() ? answer.path("confidence").asDouble() : 0.8;
            String language = answer.path("language").asText("");
            return new Classification(intent, Math.max(0, Math.min(1, confidence)),
                    LANGUAGES.contains(language) ? language : local.language(), local.entities());
        } catch (Exception e) {
            log.warn("LLM classifier answer unparsable ({}); using the built-in model", e.getMessage());
            return local;
        }
    }

    private static String stripCodeFence(String content) {
        String s = content.trim();
        if (s.startsWith("```")) {
            int start = s.indexOf('\n');
            int end = s.lastIndexOf("```");
            if (start > 0 && end > start) {
                return s.substring(start + 1, end);
            }
        }
        return s;
    }
}
