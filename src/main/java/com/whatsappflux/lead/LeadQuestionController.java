package com.whatsappflux.lead;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET/PUT /api/lead/questions}: the qualification questions are business configuration. */
@RestController
@RequestMapping("/api/lead/questions")
class LeadQuestionController {

    private final QualificationQuestions questions;

    LeadQuestionController(QualificationQuestions questions) {
        this.questions = questions;
    }

    @GetMapping
    List<QualificationQuestion> list() {
        return questions.all();
    }

    @PutMapping
    List<QualificationQuestion> replace(@RequestBody List<QualificationQuestion> replacement) {
        try {
            questions.replace(replacement);
        } catch (IllegalArgumentException invalid) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, invalid.getMessage());
        }
        return questions.all();
    }
}
