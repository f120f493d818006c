package com.whatsappflux.intent;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/intent/classify} {"text":"..."} → intent, confidence, language, entities. */
@RestController
public class IntentController {

    static final int MAX_TEXT_LENGTH = 4096;

    private final IntentClassifier classifier;

    public IntentController(IntentClassifier classifier) {
        this.classifier = classifier;
    }

    /** The request body; unknown fields are ignored. */
    public record ClassifyRequest(String text) {
    }

    @PostMapping(path = "/api/intent/classify", consumes = "application/json", produces = "application/json")
    public ResponseEntity<Map<String, Object>> classify(@RequestBody(required = false) ClassifyRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", "text is required and must not be blank"));
        }
        if (request.text().length() > MAX_TEXT_LENGTH) {
            return ResponseEntity.badRequest().body(Map.of("error", "text is longer than " + MAX_TEXT_LENGTH + " characters"));
        }
        return ResponseEntity.ok(classifier.classify(request.text()).toMap());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "body must be JSON like {\"text\":\"...\"}"));
    }
}
