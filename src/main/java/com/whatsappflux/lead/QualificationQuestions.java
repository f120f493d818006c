package com.whatsappflux.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.whatsappflux.system.Database;

/** The business's qualification questions (table lead_question), asked one at a time in order. */
@Component
public class QualificationQuestions {

    private static final Set<String> KINDS = Set.of(QualificationQuestion.TEXT, QualificationQuestion.BUTTONS,
            QualificationQuestion.PRODUCT_LIST);
    private static final Set<String> ANSWER_TYPES = Set.of("need", "budget", "timeline", "location", "text");

    private final Database db;
    private final ObjectMapper json;

    public QualificationQuestions(Database db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    public List<QualificationQuestion> all() {
        return db.jdbc().query("SELECT question_key, sort_order, kind, answer_type, question_text, text_key, options "
                + "FROM lead_question ORDER BY sort_order, question_key", (rs, i) -> new QualificationQuestion(
                rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                options(rs.getString(7))));
    }

    public Optional<QualificationQuestion> find(String key) {
        return all().stream().filter(q -> q.key().equals(key)).findFirst();
    }

    /** The first question this lead has not answered yet. */
    Optional<QualificationQuestion> nextFor(Map<String, String> answered) {
        return all().stream().filter(q -> !answered.containsKey(q.key())).findFirst();
    }

    /** Replaces the whole list (PUT /api/lead/questions); order = list order. */
    @Transactional
    public void replace(List<QualificationQuestion> questions) {
        validate(questions);
        db.jdbc().update("DELETE FROM lead_question");
        int order = 1;
        for (QualificationQuestion q : questions) {
            db.jdbc().update("INSERT INTO lead_question (question_key, sort_order, kind, answer_type, question_text, text_key, "
                    + "options) VALUES (?, ?, ?, ?, ?, ?, ?)", q.key(), order++, q.kind(), q.answerType(), q.text(),
                    q.textKey(), q.options().isEmpty() ? null : write(q.options()));
        }
    }

    static void validate(List<QualificationQuestion> questions) {
        if (questions == null || questions.isEmpty()) {
            throw new IllegalArgumentException("at least one question is needed");
        }
        List<String> keys = new ArrayList<>();
        for (QualificationQuestion q : questions) {
            if (q.key() == null || !q.key().matches("[a-zA-Z0-9_]{1,40}") || keys.contains(q.key())) {
                throw new IllegalArgumentException("question keys must be unique, 1-40 letters/digits/_: " + q.key());
            }
            keys.add(q.key());
            if (!KINDS.contains(q.kind())) {
                throw new IllegalArgumentException(q.key() + ": kind must be one of " + KINDS);
            }
            if (!ANSWER_TYPES.contains(q.answerType())) {
                throw new IllegalArgumentException(q.key() + ": answerType must be one of " + ANSWER_TYPES);
            }
            if (q.text() == null || q.text().isBlank()) {
                throw new IllegalArgumentException(q.key() + ": text is required");
            }
            if (QualificationQuestion.BUTTONS.equals(q.kind())) {
                if (q.options().isEmpty() || q.options().size() > 3) {
                    throw new IllegalArgumentException(q.key() + ": buttons need 1-3 options");
                }
                for (QualificationQuestion.Option o : q.options()) {
                    if (o.id() == null || o.title() == null || o.title().length() > 20) {
                        throw new IllegalArgumentException(q.key() + ": every option needs an id and a title of at most 20 characters");
                    }
                }
            }
        }
    }

    private List<QualificationQuestion.Option> options(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(text, new TypeReference<List<QualificationQuestion.Option>>() { });
        } catch (Exception e) {
            throw new IllegalStateException("lead_question.options is not valid JSON: " + text, e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
