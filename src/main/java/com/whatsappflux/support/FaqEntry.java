package com.whatsappflux.support;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One question of the knowledge base in one language; rows with the same {@code key} are translations. */
public record FaqEntry(Long id, String key, String language, String question, String answer, String alternates,
                       boolean active) {

    /** JSON: {@code active} may be left out and then means true. */
    @JsonCreator
    static FaqEntry fromJson(@JsonProperty("id") Long id, @JsonProperty("key") String key, @JsonProperty("language") String language,
                             @JsonProperty("question") String question, @JsonProperty("answer") String answer,
                             @JsonProperty("alternates") String alternates, @JsonProperty("active") Boolean active) {
        return new FaqEntry(id, key, language, question, answer, alternates, active == null || active);
    }
}
