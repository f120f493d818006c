package com.whatsappflux.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.whatsappflux.system.Database;

/**
 * {@code GET /api/media/{messageId}}: the photo, voice note, video or document a customer sent, fetched from
 * WhatsApp for staff (the transcript in every task names this address). Nothing is stored here; Meta keeps it for
 * 7 days.
 */
@RestController
public class CustomerMediaController {

    /** Shown in the browser; anything else (a "document" could be HTML) is only ever saved as a file. */
    private static final Set<String> SAFE_INLINE = Set.of("image/jpeg", "image/png", "image/webp", "audio/ogg",
            "audio/mpeg", "audio/aac", "audio/mp4", "audio/amr", "video/mp4", "video/3gpp", "application/pdf");

    private final Database db;
    private final ObjectMapper json;
    private final WhatsAppProperties properties;
    private final GraphMediaClient graph;

    public CustomerMediaController(Database db, ObjectMapper json, WhatsAppProperties properties, GraphMediaClient graph) {
        this.db = db;
        this.json = json;
        this.properties = properties;
        this.graph = graph;
    }

    private record MediaRef(String type, String mediaId, String mimeType, String filename) {
    }

    /** Where staff open the media of inbound message {@code messageId}. */
    public static String pathFor(long messageId) {
        return "/api/media/" + messageId;
    }

    @GetMapping("/api/media/{messageId}")
    public void download(@PathVariable long messageId, HttpServletResponse response) throws IOException {
        MediaRef ref = find(messageId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no customer media with message id " + messageId));
        if (properties.sandbox()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "media is fetched from WhatsApp, and no WhatsApp number is connected (sandbox mode)");
        }
        GraphMediaClient.Download download;
        try {
            download = graph.download(ref.mediaId());
        } catch (GraphMediaClient.MediaUnavailable unavailable) {
            throw new ResponseStatusException(unavailable.gone() ? HttpStatus.GONE : HttpStatus.BAD_GATEWAY,
                    unavailable.getMessage());
        }
        try (InputStream body = download.body()) {
            String mimeType = mimeType(download.mimeType() != null ? download.mimeType() : ref.mimeType());
            boolean inline = SAFE_INLINE.contains(mimeType);
            response.setContentType(inline ? mimeType : MediaType.APPLICATION_OCTET_STREAM_VALUE);
            if (download.size() >= 0) {
                response.setContentLengthLong(download.size());
            }
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                    .filename(filename(messageId, ref), StandardCharsets.UTF_8).build().toString());
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=3600");
            body.transferTo(response.getOutputStream());
        }
    }

    private Optional<MediaRef> find(long messageId) {
        return db.jdbc().query("SELECT type, message_json FROM inbound_message WHERE id = ?", (rs, i) -> {
            String type = rs.getString("type");
            if (!InboundType.fromCode(type).isMedia()) {
                return null;
            }
            JsonNode media = readJson(rs.getString("message_json")).path(type);
            String mediaId = media.path("id").asText(null);
            return mediaId == null ? null
                    : new MediaRef(type, mediaId, media.path("mime_type").asText(null), media.path("filename").asText(null));
        }, messageId).stream().filter(Objects::nonNull).findFirst();
    }

    private JsonNode readJson(String stored) {
        try {
            return json.readTree(stored);
        } catch (IOException e) {
            return json.createObjectNode(); // stored by the webhook as valid JSON; never expected
        }
    }

    /** The bare type ("audio/ogg; codecs=opus" → "audio/ogg"), or octet-stream when it is not one. */
    private static String mimeType(String declared) {
        try {
            MediaType type = MediaType.parseMediaType(declared == null ? "" : declared);
            return type.getType() + "/" + type.getSubtype();
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
    }

    private static String filename(long messageId, MediaRef ref) {
        String name = ref.filename() == null || ref.filename().isBlank() ? ref.type() + "-" + messageId : ref.filename();
        return name.replaceAll("[\\\\/\\p{Cntrl}\"]", "_");
    }
}
