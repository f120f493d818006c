package com.whatsappflux.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.node.ObjectNode;

import com.whatsappflux.conversation.TranscriptService;
import com.whatsappflux.testing.FluxIntegrationTest;

/** Staff open what a customer sent (a payment screenshot, a PO as PDF) through Flux, fetched from WhatsApp on demand. */
class CustomerMediaIntegrationTest extends FluxIntegrationTest {

    private static final String BEARER = "Bearer test-access-token";
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TranscriptService transcripts;

    @Test
    void aPhotoIsFetchedFromWhatsAppWithTheTokenAndShownInline() {
        String waId = newCustomer();
        long id = customerSends(waId, "image", "image/jpeg", null, "paid, see screenshot");
        String mediaId = "1040" + waId;
        metaHas(mediaId, "image/jpeg", JPEG);

        HttpResponse<byte[]> photo = fetch(id);

        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.body()).isEqualTo(JPEG);
        assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(photo.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("inline"));
        assertThat(photo.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        GRAPH.verify(exactly(1), getRequestedFor(urlEqualTo("/v23.0/" + mediaId)).withHeader("Authorization", equalTo(BEARER)));
        GRAPH.verify(exactly(1), getRequestedFor(urlEqualTo("/lookaside/" + mediaId + "?ext=1"))
                .withHeader("Authorization", equalTo(BEARER)));
        assertThat(transcripts.asText(waId, 10)).contains("Customer: [photo: /api/media/" + id + "] paid, see screenshot");
    }

    @Test
    void aDocumentThatIsReallyHtmlIsOnlyEverSavedAsAFile() {
        String waId = newCustomer();
        long id = customerSends(waId, "document", "text/html", "po\"<script>.html", null);
        metaHas("1040" + waId, "text/html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));

        HttpResponse<byte[]> file = fetch(id);

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("attachment").contains("filename*=UTF-8''po_%3Cscript%3E.html"));
        assertThat(file.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("sandbox"));
    }

    @Test
    void mediaWhatsAppNoLongerKeepsIsGoneWithAReason() {
        String waId = newCustomer();
        long id = customerSends(waId, "audio", "audio/ogg; codecs=opus", null, null);
        GRAPH.stubFor(get(urlEqualTo("/v23.0/1040" + waId)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"Unsupported get request. "
                        + "Object with ID '1040" + waId + "' does not exist\",\"type\":\"GraphMethodException\",\"code\":100}}")));

        HttpResponse<byte[]> gone = fetch(id);

        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(new String(gone.body(), StandardCharsets.UTF_8)).contains("7 days");
    }

    @Test
    void whatsAppDownIsABadGatewayAndTextOrUnknownMessagesHaveNoMedia() {
        String waId = newCustomer();
        long photo = customerSends(waId, "image", "image/jpeg", null, null);
        GRAPH.stubFor(get(urlEqualTo("/v23.0/1040" + waId)).willReturn(aResponse().withStatus(500)));
        assertThat(fetch(photo).statusCode()).isEqualTo(502);

        customerWrites(waId, "hello");
        long text = Awaitility.await().until(() -> jdbc.queryForList("SELECT id FROM inbound_message WHERE wa_id = ? "
                + "AND type = 'text'", Long.class, waId), ids -> ids.size() == 1).get(0);
        assertThat(fetch(text).statusCode()).isEqualTo(404);
        assertThat(fetch(987_654_321L).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(url("/api/media/" + photo)).GET().build()).statusCode()).isEqualTo(401);
    }

    /** Meta's answer to the media id, and its (short-lived) download URL on this stub. */
    private void metaHas(String mediaId, String mimeType, byte[] bytes) {
        GRAPH.stubFor(get(urlEqualTo("/v23.0/" + mediaId)).withHeader("Authorization", equalTo(BEARER))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"messaging_product\":\"whatsapp\",\"url\":\"" + GRAPH.baseUrl() + "/lookaside/" + mediaId
                                + "?ext=1\",\"mime_type\":\"" + mimeType + "\",\"sha256\":\"x\",\"file_size\":" + bytes.length
                                + ",\"id\":\"" + mediaId + "\"}")));
        GRAPH.stubFor(get(urlEqualTo("/lookaside/" + mediaId + "?ext=1")).withHeader("Authorization", equalTo(BEARER))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", mimeType).withBody(bytes)));
    }

    /** The customer's media message through the signed webhook; answers its inbox id. */
    private long customerSends(String waId, String type, String mimeType, String filename, String caption) {
        ObjectNode message = json.createObjectNode().put("type", type);
        ObjectNode media = message.putObject(type).put("id", "1040" + waId).put("mime_type", mimeType).put("sha256", "eA==");
        if (filename != null) {
            media.put("filename", filename);
        }
        if (caption != null) {
            media.put("caption", caption);
        }
        HttpResponse<String> posted = postWebhook(payload(waId, "Farah", message));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        return jdbc.queryForObject("SELECT id FROM inbound_message WHERE wa_id = ? AND type = ?", Long.class, waId, type);
    }

    private HttpResponse<byte[]> fetch(long messageId) {
        HttpRequest request = HttpRequest.newBuilder(url("/api/media/" + messageId)).GET()
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
