package com.whatsappflux.whatsapp;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The type-specific part of a Cloud API send request, built and checked against WhatsApp's limits
 * before anything is recorded or sent: a message WhatsApp would reject fails here with a clear reason.
 */
public final class OutboundContent {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String type;
    private final ObjectNode body;
    private final String summary;

    private OutboundContent(String type, ObjectNode body, String summary) {
        this.type = type;
        this.body = body;
        this.summary = summary;
    }

    public record Button(String id, String title) {
    }

    public record Row(String id, String title, String description) {
    }

    public record Section(String title, List<Row> rows) {
    }

    public String type() {
        return type;
    }

    public ObjectNode body() {
        return body.deepCopy();
    }

    /** What the customer reads, for transcripts and the simulator. */
    public String summary() {
        return summary;
    }

    public boolean isTemplate() {
        return "template".equals(type);
    }

    public static OutboundContent text(String text) {
        require(text != null && !text.isBlank(), "text body is empty");
        max(text, 4096, "text body");
        ObjectNode node = NODES.objectNode().put("body", text).put("preview_url", text.contains("http"));
        return new OutboundContent("text", node, text);
    }

    public static OutboundContent buttons(String text, List<Button> buttons, String footer) {
        require(text != null && !text.isBlank(), "interactive body is empty");
        max(text, 1024, "interactive button body");
        require(buttons != null && !buttons.isEmpty() && buttons.size() <= 3, "reply buttons: 1 to 3 buttons");
        Set<String> titles = new HashSet<>();
        ArrayNode array = NODES.arrayNode();
        StringBuilder summary = new StringBuilder(text);
        for (Button b : buttons) {
            require(b.id() != null && !b.id().isBlank(), "button id is empty");
            max(b.id(), 256, "button id");
            require(b.title() != null && !b.title().isBlank(), "button title is empty");
            max(b.title(), 20, "button title '" + b.title() + "'");
            require(titles.add(b.title()), "button titles must be unique: " + b.title());
            array.addObject().put("type", "reply").putObject("reply").put("id", b.id()).put("title", b.title());
            summary.append("\n[").append(b.title()).append("]");
        }
        ObjectNode node = NODES.objectNode().put("type", "button");
        node.putObject("body").put("text", text);
        footer(node, footer);
        node.putObject("action").set("buttons", array);
        return new OutboundContent("interactive", node, summary.toString());
    }

    public static OutboundContent list(String text, String buttonLabel, List<Section> sections, String footer) {
        require(text != null && !text.isBlank(), "list body is empty");
        max(text, 4096, "list body");
        require(buttonLabel != null && !buttonLabel.isBlank(), "list button label is empty");
        max(buttonLabel, 20, "list button label");
        require(sections != null && !sections.isEmpty() && sections.size() <= 10, "list: 1 to 10 sections");
        int rows = 0;
        Set<String> ids = new HashSet<>();
        ArrayNode array = NODES.arrayNode();
        StringBuilder summary = new StringBuilder(text);
        for (Section s : sections) {
            ObjectNode section = array.addObject();
            if (s.title() != null) {
                max(s.title(), 24, "section title");
                section.put("title", s.title());
            } else {
                require(sections.size() == 1, "every section needs a title when there are several");
            }
            ArrayNode rowArray = section.putArray("rows");
            for (Row r : s.rows()) {
                rows++;
                require(r.id() != null && !r.id().isBlank() && ids.add(r.id()), "list row ids must be unique and set");
                max(r.id(), 200, "row id");
                max(r.title(), 24, "row title '" + r.title() + "'");
                ObjectNode row = rowArray.addObject().put("id", r.id()).put("title", r.title());
                if (r.description() != null) {
                    max(r.description(), 72, "row description");
                    row.put("description", r.description());
                }
                summary.append("\n- ").append(r.title());
            }
        }
        require(rows >= 1 && rows <= 10, "list: at most 10 rows across all sections, got " + rows);
        ObjectNode node = NODES.objectNode().put("type", "list");
        node.putObject("body").put("text", text);
        footer(node, footer);
        ObjectNode action = node.putObject("action").put("button", buttonLabel);
        action.set("sections", array);
        return new OutboundContent("interactive", node, summary.toString());
    }

    /**
     * An approved template: the only thing allowed outside the 24-hour window.
     * {@code quickReplyPayloads} fill the template's quick-reply buttons in order.
     */
    public static OutboundContent template(String name, String language, List<String> bodyParameters,
                                           List<String> quickReplyPayloads) {
        require(name != null && name.matches("[a-z0-9_]{1,512}"), "template name must be lowercase letters, digits, _");
        require(language != null && !language.isBlank(), "template language is empty");
        ObjectNode node = NODES.objectNode().put("name", name);
        node.putObject("language").put("code", language);
        ArrayNode components = node.putArray("components");
        if (bodyParameters != null && !bodyParameters.isEmpty()) {
            ArrayNode params = components.addObject().put("type", "body").putArray("parameters");
            for (String p : bodyParameters) {
                require(p != null && !p.isBlank(), "template parameters must not be empty");
                require(!p.contains("\n") && !p.contains("\t") && !p.contains("     "),
                        "template parameters must not contain newlines, tabs or more than 4 spaces in a row");
                max(p, 1024, "template parameter");
                params.addObject().put("type", "text").put("text", p);
            }
        }
        if (quickReplyPayloads != null) {
            require(quickReplyPayloads.size() <= 10, "at most 10 quick-reply buttons");
            for (int i = 0; i < quickReplyPayloads.size(); i++) {
                components.addObject().put("type", "button").put("sub_type", "quick_reply").put("index", String.valueOf(i))
                        .putArray("parameters").addObject().put("type", "payload").put("payload", quickReplyPayloads.get(i));
            }
        }
        if (components.isEmpty()) {
            node.remove("components");
        }
        String summary = "[template " + name + "/" + language + "] "
                + (bodyParameters == null ? "" : String.join(" | ", bodyParameters));
        return new OutboundContent("template", node, summary);
    }

    public static OutboundContent document(String link, String filename, String caption) {
        require(link != null && link.startsWith("http"), "document link must be an http(s) URL");
        ObjectNode node = NODES.objectNode().put("link", link);
        if (filename != null) {
            node.put("filename", filename);
        }
        if (caption != null) {
            max(caption, 1024, "document caption");
            node.put("caption", caption);
        }
        return new OutboundContent("document", node, "[document " + (filename == null ? link : filename) + "] "
                + (caption == null ? "" : caption));
    }

    public static OutboundContent image(String link, String caption) {
        require(link != null && link.startsWith("http"), "image link must be an http(s) URL");
        ObjectNode node = NODES.objectNode().put("link", link);
        if (caption != null) {
            max(caption, 1024, "image caption");
            node.put("caption", caption);
        }
        return new OutboundContent("image", node, "[image] " + (caption == null ? "" : caption));
    }

    public static OutboundContent reaction(String messageId, String emoji) {
        require(messageId != null && !messageId.isBlank(), "reaction needs the message id");
        ObjectNode node = NODES.objectNode().put("message_id", messageId).put("emoji", emoji == null ? "" : emoji);
        return new OutboundContent("reaction", node, "[reaction " + emoji + "]");
    }

    private static void footer(ObjectNode node, String footer) {
        if (footer != null && !footer.isBlank()) {
            max(footer, 60, "footer");
            node.putObject("footer").put("text", footer);
        }
    }

    private static void max(String value, int max, String what) {
        require(value != null, what + " is missing");
        require(value.codePointCount(0, value.length()) <= max, what + " is longer than " + max + " characters");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidMessageException(message);
        }
    }
}
