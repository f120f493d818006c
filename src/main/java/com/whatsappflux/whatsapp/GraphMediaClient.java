package com.whatsappflux.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * Fetches a customer's media from Meta (whatsapp-cloud-api.md, "Media download"): {@code GET /{version}/{media-id}}
 * names a short-lived URL (5 minutes), which is then read with the same Bearer token. Meta keeps received media
 * for 7 days.
 */
@Component
public class GraphMediaClient {

    private final WhatsAppProperties properties;
    private final ObjectMapper json;
    private final HttpClient http;

    public GraphMediaClient(WhatsAppProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        // the media URL may redirect within Meta's CDN
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(properties.requestTimeout()).build();
    }

    /** An open download; the caller closes {@code body}. {@code size} is -1 when Meta did not say. */
    public record Download(InputStream body, String mimeType, long size) {
    }

    /** Why a download did not happen, in terms a staff member can act on. */
    public static class MediaUnavailable extends RuntimeException {
        private final boolean gone;

        MediaUnavailable(String message, boolean gone) {
            super(message);
            this.gone = gone;
        }

        /** Meta no longer has it (older than 7 days, or deleted): asking again will not help. */
        public boolean gone() {
            return gone;
        }
    }

    public Download download(String mediaId) {
        HttpResponse<String> meta = call(HttpRequest.newBuilder(URI.create(properties.graphUrl(mediaId))).GET(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = GraphApiClient.readAnswer(json, meta.body());
        if (meta.statusCode() / 100 != 2) {
            JsonNode error = answer.path("error");
            String message = error.path("message").asText("HTTP " + meta.statusCode());
            int code = error.path("code").asInt(0);
            if (code == 190 || meta.statusCode() == 401) {
                throw new MediaUnavailable("WhatsApp refused the access token (" + message + ")", false);
            }
            if (meta.statusCode() == 400 || meta.statusCode() == 404) {
                throw new MediaUnavailable("WhatsApp no longer has this media (it keeps received media for 7 days): "
                        + message, true);
            }
            throw new MediaUnavailable("WhatsApp answered " + meta.statusCode() + ": " + message, false);
        }
        String url = answer.path("url").asText(null);
        if (url == null || !url.startsWith("https://") && !url.startsWith("http://")) {
            throw new MediaUnavailable("WhatsApp named no download URL for media " + mediaId, false);
        }
        HttpResponse<InputStream> file = call(HttpRequest.newBuilder(URI.create(url)).GET(), HttpResponse.BodyHandlers.ofInputStream());
        if (file.statusCode() / 100 != 2) {
            closeQuietly(file.body());
            throw new MediaUnavailable("WhatsApp's media server answered " + file.statusCode(), file.statusCode() == 404);
        }
        long size = answer.path("file_size").canConvertToLong() ? answer.path("file_size").asLong() : -1;
        return new Download(file.body(), answer.path("mime_type").asText(null), size);
    }

    private <T> HttpResponse<T> call(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.timeout(properties.requestTimeout())
                    .header("Authorization", "Bearer " + properties.accessToken()).build(), body);
        } catch (IOException e) {
            throw new MediaUnavailable("WhatsApp could not be reached: " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaUnavailable("interrupted while fetching media", false);
        }
    }


    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing more to read from a refused download
        }
    }
}
