package com.whatsappflux.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.whatsappflux.whatsapp.WebhookSignature;

/**
 * Base of the end-to-end tests: the whole application on a random port, the Graph API replaced by a
 * WireMock stub that answers like Meta (and records the exact requests), signed webhooks in. One Spring
 * context for all subclasses (same configuration), so keep the configuration here.
 *
 * <p>Database: in-memory H2, or PostgreSQL when the system property {@code flux.test.db=postgres} is set
 * (the second Surefire run in {@code mvn verify}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // keep the Prometheus endpoint, as in production
@Tag("integration")
public abstract class FluxIntegrationTest {

    public static final String APP_SECRET = "integration-test-app-secret";
    public static final String PHONE_NUMBER_ID = "106540352242922";
    public static final String SECOND_PHONE_NUMBER_ID = "106540352242933";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    /** {@code flux.whatsapp.request-timeout} in these tests. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    protected static final WireMockServer GRAPH = new WireMockServer(wireMockConfig().dynamicPort());
    private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    static {
        GRAPH.start();
    }

    @Autowired
    protected ObjectMapper json;

    @LocalServerPort
    protected int port;

    protected final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("flux.whatsapp.api-base-url", GRAPH::baseUrl);
        registry.add("flux.whatsapp.access-token", () -> "test-access-token");
        registry.add("flux.whatsapp.app-secret", () -> APP_SECRET);
        registry.add("flux.whatsapp.verify-token", () -> "test-verify-token");
        registry.add("flux.whatsapp.phone-number-id", () -> PHONE_NUMBER_ID + "," + SECOND_PHONE_NUMBER_ID);
        registry.add("flux.whatsapp.retry-backoff", () -> "20ms");
        // short, so that fault tests can make the stub slower than this (a send in doubt) without waiting long
        registry.add("flux.whatsapp.request-timeout", () -> REQUEST_TIMEOUT.toMillis() + "ms");
        registry.add("flux.whatsapp.max-messages-per-second", () -> "0");
        registry.add("flux.admin.user", () -> ADMIN);
        registry.add("flux.admin.password", () -> ADMIN_PASSWORD);
        registry.add("spring.profiles.active", () -> "demo");
        registry.add("camunda.bpm.job-execution.wait-time-in-millis", () -> "50");
        registry.add("camunda.bpm.job-execution.max-wait", () -> "200");
        if ("postgres".equals(System.getProperty("flux.test.db"))) {
            registry.add("spring.datasource.url", PostgresTestDatabase::url);
            registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
            registry.add("spring.datasource.password", () -> "");
            registry.add("camunda.bpm.database.type", () -> "postgres");
            // as the postgres profile sets it in production
            registry.add("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", () -> "true");
        } else {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:flux-it-" + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        }
    }

    @BeforeEach
    protected void graphAnswersLikeMeta() {
        GRAPH.resetAll();
        GRAPH.stubFor(post(urlPathMatching("/v[0-9.]+/[0-9]+/messages")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                                + "\"messages\":[{\"id\":\"wamid.{{randomValue length=24 type='ALPHANUMERIC'}}\"}]}")
                        .withTransformers("response-template")));
        GRAPH.stubFor(post(urlPathMatching("/v[0-9.]+/[0-9]+/messages")).atPriority(9)
                .withRequestBody(matchingJsonPath("$.status", equalTo("read")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true}")));
        Awaitility.setDefaultTimeout(Duration.ofSeconds(20));
        Awaitility.setDefaultPollInterval(Duration.ofMillis(50));
    }

    /** A fresh Indian mobile number per call, so tests never see each other's customers. */
    protected static String newCustomer() {
        return "9198" + String.format("%08d", NUMBERS.incrementAndGet() % 100_000_000L);
    }

    // ---- webhooks in ----

    protected HttpResponse<String> postWebhook(String body) {
        return postWebhook(body, WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), APP_SECRET));
    }

    protected HttpResponse<String> postWebhook(String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/webhooks/whatsapp"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return send(request.build());
    }

    /** A Cloud API payload with one message object (built by the caller) from {@code waId}. */
    protected String payload(String waId, String name, ObjectNode message) {
        return payload(waId, name, message, PHONE_NUMBER_ID);
    }

    protected String payload(String waId, String name, ObjectNode message, String phoneNumberId) {
        ObjectNode root = json.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode value = root.putArray("entry").addObject().put("id", "102290129340398")
                .putArray("changes").addObject().put("field", "messages").putObject("value");
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "912240001234").put("phone_number_id", phoneNumberId);
        ObjectNode contact = value.putArray("contacts").addObject().put("wa_id", waId);
        contact.putObject("profile").put("name", name);
        message.put("from", waId);
        message.putIfAbsent("id", json.getNodeFactory().textNode("wamid.in." + UUID.randomUUID()));
        message.putIfAbsent("timestamp", json.getNodeFactory().textNode(String.valueOf(Instant.now().getEpochSecond())));
        value.putArray("messages").add(message);
        return root.toString();
    }

    /**
     * A status webhook as Meta sends it for one of our messages; {@code callbackData} is the echo of the
     * {@code biz_opaque_callback_data} we sent (null: none).
     */
    protected String echoedStatusPayload(String wamid, String status, String recipient, String callbackData) {
        ObjectNode root = json.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode value = root.putArray("entry").addObject().put("id", "102290129340398").putArray("changes").addObject()
                .put("field", "messages").putObject("value");
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "912240001234").put("phone_number_id", PHONE_NUMBER_ID);
        ObjectNode s = value.putArray("statuses").addObject().put("id", wamid).put("status", status)
                .put("timestamp", String.valueOf(Instant.now().getEpochSecond())).put("recipient_id", recipient);
        if (callbackData != null) {
            s.put("biz_opaque_callback_data", callbackData);
        }
        return root.toString();
    }

    protected ObjectNode text(String body) {
        ObjectNode m = json.createObjectNode().put("type", "text");
        m.putObject("text").put("body", body);
        return m;
    }

    protected ObjectNode buttonReply(String id, String title, String contextWamid) {
        ObjectNode m = json.createObjectNode().put("type", "interactive");
        m.putObject("interactive").put("type", "button_reply").putObject("button_reply").put("id", id).put("title", title);
        if (contextWamid != null) {
            m.putObject("context").put("from", "912240001234").put("id", contextWamid);
        }
        return m;
    }

    protected ObjectNode listReply(String id, String title, String contextWamid) {
        ObjectNode m = json.createObjectNode().put("type", "interactive");
        m.putObject("interactive").put("type", "list_reply").putObject("list_reply").put("id", id).put("title", title);
        if (contextWamid != null) {
            m.putObject("context").put("from", "912240001234").put("id", contextWamid);
        }
        return m;
    }

    /** Signs and posts a text message from the customer; asserts the 200. */
    protected void customerWrites(String waId, String text) {
        HttpResponse<String> response = postWebhook(payload(waId, "Test Customer", text(text)));
        if (response.statusCode() != 200) {
            throw new AssertionError("webhook answered " + response.statusCode() + ": " + response.body());
        }
    }

    // ---- what went out ----

    /** The request bodies the Graph stub received for messages to this customer, oldest first. */
    protected List<JsonNode> sentTo(String waId) {
        return GRAPH.findAll(postRequestedFor(urlPathMatching("/v[0-9.]+/[0-9]+/messages"))).stream()
                .map(r -> readJson(r.getBodyAsString()))
                .filter(body -> ("+" + waId).equals(body.path("to").asText()))
                .toList();
    }

    /** Waits until at least {@code count} messages went to the customer and answers them all. */
    protected List<JsonNode> awaitSent(String waId, int count) {
        Awaitility.await().until(() -> sentTo(waId).size() >= count);
        return sentTo(waId);
    }

    // ---- time travel ----

    /**
     * Runs a due job now. After a test moved the engine clock the job executor may pick the same job up first;
     * then this one loses the optimistic lock or finds it gone, and either way the job ran exactly once.
     */
    protected void runDueJob(org.camunda.bpm.engine.ManagementService managementService, String jobId) {
        try {
            managementService.executeJob(jobId);
        } catch (org.camunda.bpm.engine.OptimisticLockingException | org.camunda.bpm.engine.exception.NullValueException
                 | org.camunda.bpm.engine.exception.NotFoundException takenByTheJobExecutor) {
            // executed by the job executor
        }
    }

    // ---- authenticated API calls ----

    protected HttpResponse<String> api(String method, String path, String body) {
        return api(method, path, body, ADMIN, ADMIN_PASSWORD);
    }

    protected HttpResponse<String> api(String method, String path, String body, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return send(request.build());
    }

    protected URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected JsonNode readJson(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
