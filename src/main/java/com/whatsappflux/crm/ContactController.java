package com.whatsappflux.crm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/contacts/{waId}} per contracts.md. */
@RestController
@RequestMapping("/api/contacts")
public class ContactController {

    private final ContactService contacts;
    private final List<ContactProfileExtension> extensions;

    public ContactController(ContactService contacts, List<ContactProfileExtension> extensions) {
        this.contacts = contacts;
        this.extensions = extensions;
    }

    @GetMapping("/{waId}")
    public Map<String, Object> contact(@PathVariable String waId) {
        Contact c = contacts.find(waId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "unknown contact"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("waId", c.waId() != null ? c.waId() : c.customerKey());
        body.put("name", c.name());
        body.put("language", c.language());
        body.put("tags", contacts.tags(c.customerKey()));
        body.put("optedOut", c.optedOut());
        body.put("customer", c.customer());
        body.put("unreachable", c.unreachable());
        body.put("lastInboundAt", c.lastInboundAt() == null ? null : c.lastInboundAt().toString());
        extensions.forEach(e -> body.putAll(e.profileFields(c.customerKey())));
        return body;
    }
}
