package com.whatsappflux.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The browser chat page for playing a customer in sandbox mode; 404 once a real number is connected. */
@RestController
public class SimulatorController {

    private final WhatsAppProperties properties;

    public SimulatorController(WhatsAppProperties properties) {
        this.properties = properties;
    }

    @GetMapping(value = {"/simulator", "/simulator/"}, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page() throws IOException {
        if (!properties.sandbox()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body("not found");
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("simulator/index.html")) {
            return ResponseEntity.ok()
                    .header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                            + "script-src 'self' 'unsafe-inline'")
                    .body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
