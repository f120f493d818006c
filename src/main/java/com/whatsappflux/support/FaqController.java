package com.whatsappflux.support;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The knowledge base the business edits: {@code {"key","language","question","answer","alternates","active"}}. */
@RestController
@RequestMapping("/api/faq")
class FaqController {

    private final KnowledgeBase knowledgeBase;

    FaqController(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    @GetMapping
    List<FaqEntry> list() {
        return knowledgeBase.all();
    }

    @GetMapping("/{id}")
    ResponseEntity<FaqEntry> get(@PathVariable long id) {
        return ResponseEntity.of(knowledgeBase.find(id));
    }

    /** Try a question: which answer would a customer get? */
    @GetMapping("/match")
    ResponseEntity<KnowledgeBase.Answer> match(@RequestParam String q, @RequestParam(defaultValue = "en") String language) {
        return ResponseEntity.of(knowledgeBase.answer(q, language));
    }

    @PostMapping
    ResponseEntity<FaqEntry> create(@RequestBody FaqEntry entry) {
        return ResponseEntity.status(HttpStatus.CREATED).body(knowledgeBase.create(entry));
    }

    @PutMapping("/{id}")
    ResponseEntity<FaqEntry> update(@PathVariable long id, @RequestBody FaqEntry entry) {
        return ResponseEntity.of(knowledgeBase.update(id, entry));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Map<String, Object>> delete(@PathVariable long id) {
        return knowledgeBase.delete(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}
