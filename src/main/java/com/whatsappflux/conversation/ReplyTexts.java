package com.whatsappflux.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The fixed texts customers read, per language, from {@code messages/replies_<lang>.properties}
 * ({@code hi-Latn} → {@code replies_hi_Latn}). A missing language or key falls back to English, so a
 * customer writing Kannada still gets an answer.
 */
@Component
public class ReplyTexts {

    public static final String FALLBACK = "en";

    private final Map<String, Properties> bundles = new ConcurrentHashMap<>();

    public String get(String language, String key, Object... args) {
        String pattern = bundle(language).getProperty(key);
        if (pattern == null) {
            pattern = bundle(FALLBACK).getProperty(key);
        }
        if (pattern == null) {
            throw new IllegalArgumentException("No reply text '" + key + "' in messages/replies.properties");
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(args);
    }

    private Properties bundle(String language) {
        String code = language == null || language.isBlank() ? FALLBACK : language.replace('-', '_');
        return bundles.computeIfAbsent(code, ReplyTexts::load);
    }

    private static Properties load(String code) {
        String name = FALLBACK.equals(code) ? "messages/replies.properties" : "messages/replies_" + code + ".properties";
        Properties properties = new Properties();
        try (InputStream in = ReplyTexts.class.getClassLoader().getResourceAsStream(name)) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + name, e);
        }
        return properties;
    }
}
