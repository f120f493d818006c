package com.whatsappflux.lead;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.ReplyTexts;
import com.whatsappflux.system.Database;
import com.whatsappflux.whatsapp.OutboundContent;

/**
 * Turns a configured question into a WhatsApp message in the customer's language: reply buttons for choices,
 * a list of the catalogue's product categories for "what do you need", plain text otherwise.
 */
@Component
class QuestionMessages {

    private static final int MAX_CATEGORIES = 10;

    private final ReplyTexts texts;
    private final Database db;

    QuestionMessages(ReplyTexts texts, Database db) {
        this.texts = texts;
        this.db = db;
    }

    OutboundContent render(QualificationQuestion question, String language, String prefix) {
        String body = (prefix == null ? "" : prefix + "\n\n") + text(language, question.textKey(), question.text());
        switch (question.kind()) {
            case QualificationQuestion.BUTTONS -> {
                List<OutboundContent.Button> buttons = question.options().stream()
                        .map(o -> new OutboundContent.Button(o.id(), text(language, o.titleKey(), o.title()))).toList();
                return OutboundContent.buttons(body, buttons, null);
            }
            case QualificationQuestion.PRODUCT_LIST -> {
                List<String> categories = categories();
                if (categories.isEmpty()) {
                    return OutboundContent.text(body);
                }
                List<OutboundContent.Row> rows = new ArrayList<>();
                for (String category : categories) {
                    String title = category.length() > 24 ? category.substring(0, 24) : category;
                    rows.add(new OutboundContent.Row(AskQualificationQuestionDelegate.NEED_ROW_PREFIX + category, title, null));
                }
                return OutboundContent.list(body + "\n" + texts.get(language, "lead.q.need.typeHint"),
                        texts.get(language, "lead.q.need.button"),
                        List.of(new OutboundContent.Section(null, rows)), null);
            }
            default -> {
                return OutboundContent.text(body);
            }
        }
    }

    private List<String> categories() {
        return db.jdbc().queryForList("SELECT DISTINCT category FROM product WHERE category IS NOT NULL ORDER BY category",
                String.class).stream().limit(MAX_CATEGORIES).toList();
    }

    /** The translated text when the key exists, else the configured text (a business's own question). */
    private String text(String language, String key, String fallback) {
        if (key == null || key.isBlank()) {
            return fallback;
        }
        try {
            return texts.get(language, key);
        } catch (IllegalArgumentException missing) {
            return fallback;
        }
    }
}
