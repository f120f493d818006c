package com.whatsappflux.intent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LLM answers when it can; on a timeout, an error or garbage the built-in model answers instead. */
class LlmIntentClassifierTest {

    private static final String PATH = "/v1/chat/completions";
    private static final ZonedDateTime NOW = IntentEvaluation.FIXED_NOW;
    private static WireMockServer server;

    @BeforeAll
    static void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    private LlmIntentClassifier classifier(Duration timeout) {
        IntentProperties.Llm llm = new IntentProperties.Llm(true, server.baseUrl(), "test-key", "gpt-test", timeout);
        return new LlmIntentClassifier(llm, SharedClassifier.INSTANCE);
    }

    private static String completion(String content) {
        return "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":" + quote(content) + "}}]}";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void usesTheLlmAnswerAndKeepsBuiltInEntities() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(completion("{\"intent\":\"booking\",\"language\":\"hi-Latn\",\"confidence\":0.91}"))));

        Classification result = classifier(Duration.ofSeconds(2)).classify("kal shaam 5 baje facial ho jayega?", NOW);

        assertThat(result.intent()).isEqualTo(Intent.BOOKING);
        assertThat(result.confidence()).isEqualTo(0.91);
        assertThat(result.language()).isEqualTo("hi-Latn");
        assertThat(result.entities().dateTimes()).hasSize(1);
        server.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer test-key"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-test")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", equalTo("kal shaam 5 baje facial ho jayega?"))));
    }

    @Test
    void fallsBackOnTimeout() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFixedDelay(1500)
                .withBody(completion("{\"intent\":\"other\",\"language\":\"en\",\"confidence\":0.99}"))));

        long started = System.nanoTime();
        Classification result = classifier(Duration.ofMillis(300)).classify("payment done, UTR 412398765432", NOW);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1400));
        assertThat(result.intent()).isEqualTo(Intent.PAYMENT);
    }

    @Test
    void fallsBackOnServerError() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500).withBody("{\"error\":\"overloaded\"}")));

        assertThat(classifier(Duration.ofSeconds(2)).classify("please unsubscribe me", NOW).intent()).isEqualTo(Intent.OPT_OUT);
    }

    @Test
    void fallsBackOnGarbage() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withBody("<html>bad gateway</html>")));
        assertThat(classifier(Duration.ofSeconds(2)).classify("payment done, UTR 412398765432", NOW).intent()).isEqualTo(Intent.PAYMENT);

        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withBody(completion("I think it is about a payment"))));
        assertThat(classifier(Duration.ofSeconds(2)).classify("payment done, UTR 412398765432", NOW).intent()).isEqualTo(Intent.PAYMENT);

        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withBody(completion("{\"intent\":\"shopping\"}"))));
        assertThat(classifier(Duration.ofSeconds(2)).classify("payment done, UTR 412398765432", NOW).intent()).isEqualTo(Intent.PAYMENT);
    }

    @Test
    void itsInProcessClassifierIsTheBuiltInModel_whichCallsNothing() {
        LlmIntentClassifier llm = classifier(Duration.ofSeconds(2));

        assertThat(llm.inProcess()).isSameAs(SharedClassifier.INSTANCE);
        assertThat(llm.callsRemoteService()).isTrue();
        assertThat(SharedClassifier.INSTANCE.callsRemoteService()).isFalse();
        assertThat(llm.inProcess().classify("payment done, UTR 412398765432", NOW).intent()).isEqualTo(Intent.PAYMENT);
        server.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void acceptsAFullChatCompletionsUrl() {
        assertThat(LlmIntentClassifier.endpoint("https://llm.example/openai/v1/chat/completions").toString())
                .isEqualTo("https://llm.example/openai/v1/chat/completions");
        assertThat(LlmIntentClassifier.endpoint("https://llm.example/").toString()).isEqualTo("https://llm.example/v1/chat/completions");
    }
}
