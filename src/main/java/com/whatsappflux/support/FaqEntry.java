package com.whatsappflux.support;

/** One question of the knowledge base in one language; rows with the same {@code key} are translations. */
public record FaqEntry(Long id, String key, String language, String question, String answer, String alternates,
                       boolean active) {
}
