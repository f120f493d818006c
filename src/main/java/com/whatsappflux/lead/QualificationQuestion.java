package com.whatsappflux.lead;

import java.util.List;

/**
 * One configured question. {@code kind}: text | buttons | product_list; {@code answerType} says how free text is
 * read: need | budget | timeline | location | text. {@code textKey}/{@code titleKey} name translated texts in
 * messages/replies*.properties; {@code text}/{@code title} are used when they are absent.
 */
public record QualificationQuestion(String key, int order, String kind, String answerType, String text, String textKey,
                                    List<Option> options) {

    public static final String TEXT = "text";
    public static final String BUTTONS = "buttons";
    public static final String PRODUCT_LIST = "product_list";

    public record Option(String id, String title, String titleKey, String value) {
    }

    public List<Option> options() {
        return options == null ? List.of() : options;
    }
}
