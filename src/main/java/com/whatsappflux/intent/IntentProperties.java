package com.whatsappflux.intent;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code flux.intent.*}: the optional OpenAI-compatible LLM that may answer before the built-in model.
 * (Relative dates are resolved in {@code flux.business.timezone}, the app-wide setting.)
 */
@ConfigurationProperties(prefix = "flux.intent")
public record IntentProperties(Llm llm) {

    public IntentProperties {
        llm = llm == null ? new Llm(false, null, null, null, null) : llm;
    }

    /**
     * @param enabled off by default; when on, the LLM answers and the built-in model is the fallback
     * @param url     base URL ({@code /v1/chat/completions} is appended) or the full chat-completions URL
     * @param apiKey  bearer token, from the environment ({@code FLUX_INTENT_LLM_API_KEY})
     * @param model   model name sent in the request
     * @param timeout whole-request timeout, default 2 s
     */
    public record Llm(boolean enabled, String url, String apiKey, String model, Duration timeout) {
        public Llm {
            timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
        }
    }
}
