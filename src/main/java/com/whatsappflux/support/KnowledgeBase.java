package com.whatsappflux.support;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Service;

import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.system.Database;

/** The business's FAQ (table faq_entry): editing through /api/faq, and answering a question by meaning. */
@Service
public class KnowledgeBase {

    private final Database db;
    private final BusinessClock clock;
    private final SupportSettings settings;
    /** Rebuilt when the table changes (also on another node: the version is read from the table). */
    private final AtomicReference<Cached> matcher = new AtomicReference<>();

    private record Cached(String version, KnowledgeBaseMatcher matcher) {
    }

    public KnowledgeBase(Database db, BusinessClock clock, SupportSettings settings) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
    }

    public record Answer(String key, String text, double score) {
    }

    /** The answer in the customer's language (else English, else any translation), if a question matches confidently. */
    public Optional<Answer> answer(String question, String language) {
        String version = db.jdbc().queryForObject("SELECT CAST(COUNT(*) AS VARCHAR(20)) || '/' || COALESCE(CAST(MAX(updated_at) AS VARCHAR(40)), '-') "
                + "FROM faq_entry", String.class);
        KnowledgeBaseMatcher current = matcher.updateAndGet(c -> c != null && c.version().equals(version) ? c
                : new Cached(version, new KnowledgeBaseMatcher(all(), settings.faqThreshold()))).matcher();
        return current.match(question).flatMap(match -> {
            List<FaqEntry> translations = byKey(match.key());
            return translations.stream().filter(e -> e.language().equals(language)).findFirst()
                    .or(() -> translations.stream().filter(e -> e.language().equals("en")).findFirst())
                    .or(() -> translations.stream().findFirst())
                    .map(e -> new Answer(e.key(), e.answer(), match.score()));
        });
    }

    public List<FaqEntry> all() {
        return db.jdbc().query("SELECT * FROM faq_entry ORDER BY faq_key, language", (rs, i) -> new FaqEntry(rs.getLong("id"),
                rs.getString("faq_key"), rs.getString("language"), rs.getString("question"), rs.getString("answer"),
                rs.getString("alternates"), rs.getBoolean("active")));
    }

    public Optional<FaqEntry> find(long id) {
        return all().stream().filter(e -> e.id() == id).findFirst();
    }

    public FaqEntry create(FaqEntry entry) {
        validate(entry);
        long id = db.insertReturningId("INSERT INTO faq_entry (faq_key, language, question, answer, alternates, active, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", entry.key(), entry.language(), entry.question(), entry.answer(),
                entry.alternates(), entry.active(), Timestamp.from(clock.now()));
        matcher.set(null);
        return find(id).orElseThrow();
    }

    public Optional<FaqEntry> update(long id, FaqEntry entry) {
        validate(entry);
        int updated = db.jdbc().update("UPDATE faq_entry SET faq_key = ?, language = ?, question = ?, answer = ?, alternates = ?, "
                + "active = ?, updated_at = ? WHERE id = ?", entry.key(), entry.language(), entry.question(), entry.answer(),
                entry.alternates(), entry.active(), Timestamp.from(clock.now()), id);
        matcher.set(null);
        return updated == 0 ? Optional.empty() : find(id);
    }

    public boolean delete(long id) {
        boolean deleted = db.jdbc().update("DELETE FROM faq_entry WHERE id = ?", id) > 0;
        matcher.set(null); // deleting keeps MAX(updated_at) but changes COUNT
        return deleted;
    }

    /** Adds the entry unless one with the same key and language exists (demo data). */
    public void ensure(FaqEntry entry) {
        if (db.insertIfAbsent("INSERT INTO faq_entry (faq_key, language, question, answer, alternates, active, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", entry.key(), entry.language(), entry.question(), entry.answer(),
                entry.alternates(), entry.active(), Timestamp.from(clock.now()))) {
            matcher.set(null);
        }
    }

    private List<FaqEntry> byKey(String key) {
        return all().stream().filter(e -> e.key().equals(key) && e.active()).toList();
    }

    private static void validate(FaqEntry entry) {
        if (entry.key() == null || !entry.key().matches("[a-z0-9_\\-]{1,64}")) {
            throw new IllegalArgumentException("key: 1-64 characters a-z, 0-9, _ or -");
        }
        if (entry.language() == null || entry.language().isBlank() || entry.question() == null || entry.question().isBlank()
                || entry.answer() == null || entry.answer().isBlank()) {
            throw new IllegalArgumentException("language, question and answer are required");
        }
    }
}
