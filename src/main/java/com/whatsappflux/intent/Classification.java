package com.whatsappflux.intent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The classifier's answer.
 *
 * @param intent     what the message is about
 * @param confidence calibrated probability (0..1) that {@code intent} is right
 * @param language   detected language code: en, hi, hi-Latn, ta, ta-Latn, te, mr, bn, kn, gu, ml, pa
 * @param entities   amounts, references, dates and the rest found in the text
 */
public record Classification(Intent intent, double confidence, String language, Entities entities) {

    /** The JSON shape of {@code POST /api/intent/classify}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("intent", intent.code());
        map.put("confidence", Math.round(confidence * 1000) / 1000.0);
        map.put("language", language);
        map.put("entities", entities.toMap());
        return map;
    }
}
