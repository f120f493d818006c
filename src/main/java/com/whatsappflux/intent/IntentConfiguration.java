package com.whatsappflux.intent;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Provides the {@link IntentClassifier}: the built-in model, or the LLM in front of it when {@code flux.intent.llm.enabled=true}. */
@Configuration
@EnableConfigurationProperties(IntentProperties.class)
public class IntentConfiguration {

    @Bean
    BuiltInIntentClassifier builtInIntentClassifier(@Value("${flux.business.timezone:Asia/Kolkata}") String timezone) {
        return BuiltInIntentClassifier.fromClasspath(ZoneId.of(timezone));
    }

    /** The one every feature injects; the built-in bean stays available as the LLM's fallback. */
    @Bean
    @Primary
    IntentClassifier intentClassifier(IntentProperties properties, BuiltInIntentClassifier builtIn) {
        return properties.llm().enabled() ? new LlmIntentClassifier(properties.llm(), builtIn) : builtIn;
    }
}
