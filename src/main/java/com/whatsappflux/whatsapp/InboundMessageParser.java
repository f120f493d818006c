package com.whatsappflux.whatsapp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/** Turns one element of {@code value.messages[]} into the typed {@link InboundMessage}. */
@Component
public class InboundMessageParser {

    /** 9999-12-31T23:59:59Z. */
    private static final long LATEST_TIMESTAMP = 253_402_300_799L;

    public InboundMessage parse(JsonNode message, JsonNode value, String phoneNumberId) {
        String wamid = requiredText(message, "id");
        String wireType = requiredText(message, "type");
        String from = text(message, "from");
        String fromUserId = text(message, "from_user_id");
        JsonNode sender = senderContact(value, from, fromUserId);
        String waId = from != null ? from : text(sender, "wa_id");
        String userId = fromUserId != null ? fromUserId : text(sender, "user_id");
        if (waId == null && userId == null) {
            throw new MalformedPayloadException("message " + wamid + " has neither 'from' nor 'from_user_id'");
        }
        if (waId != null && !waId.matches("\\d{6,20}")) {
            throw new MalformedPayloadException("message " + wamid + " has an invalid 'from'");
        }
        String profileName = sender == null ? null : text(sender.path("profile"), "name");
        Instant timestamp = timestamp(message);

        InboundType type = InboundType.UNKNOWN;
        String body = null;
        InboundMessage.Reply reply = null;
        InboundMessage.Media media = null;
        InboundMessage.Location location = null;
        List<InboundMessage.ContactCard> cards = null;
        InboundMessage.Reaction reaction = null;
        InboundMessage.Order order = null;
        InboundMessage.SystemChange system = null;

        switch (wireType) {
            case "text" -> {
                type = InboundType.TEXT;
                body = text(message.path("text"), "body");
            }
            case "interactive" -> {
                JsonNode interactive = message.path("interactive");
                String kind = text(interactive, "type");
                if ("button_reply".equals(kind)) {
                    type = InboundType.BUTTON_REPLY;
                    reply = reply(interactive.path("button_reply"));
                } else if ("list_reply".equals(kind)) {
                    type = InboundType.LIST_REPLY;
                    reply = reply(interactive.path("list_reply"));
                } else if ("nfm_reply".equals(kind)) {
                    type = InboundType.FLOW_REPLY;
                    JsonNode nfm = interactive.path("nfm_reply");
                    reply = new InboundMessage.Reply(text(nfm, "name"), text(nfm, "body"), text(nfm, "response_json"));
                }
                body = reply == null ? null : reply.title();
            }
            case "button" -> {
                type = InboundType.TEMPLATE_BUTTON;
                JsonNode button = message.path("button");
                reply = new InboundMessage.Reply(text(button, "payload"), text(button, "text"), null);
                body = reply.title();
            }
            case "image", "video", "audio", "document", "sticker" -> {
                type = InboundType.fromCode(wireType);
                JsonNode m = message.path(wireType);
                media = new InboundMessage.Media(text(m, "id"), text(m, "mime_type"), text(m, "sha256"),
                        text(m, "url"), text(m, "caption"), text(m, "filename"), m.path("voice").asBoolean(false));
                body = media.caption();
            }
            case "location" -> {
                type = InboundType.LOCATION;
                JsonNode l = message.path("location");
                if (!l.path("latitude").isNumber() || !l.path("longitude").isNumber()) {
                    throw new MalformedPayloadException("location of " + wamid + " needs numeric latitude/longitude");
                }
                location = new InboundMessage.Location(l.path("latitude").asDouble(), l.path("longitude").asDouble(),
                        text(l, "name"), text(l, "address"), text(l, "url"));
                body = joinNonNull(location.name(), location.address());
            }
            case "contacts" -> {
                type = InboundType.CONTACTS;
                cards = new ArrayList<>();
                for (JsonNode c : message.path("contacts")) {
                    List<String> phones = new ArrayList<>();
                    c.path("phones").forEach(p -> addIfPresent(phones, text(p, "phone")));
                    List<String> emails = new ArrayList<>();
                    c.path("emails").forEach(e -> addIfPresent(emails, text(e, "email")));
                    cards.add(new InboundMessage.ContactCard(text(c.path("name"), "formatted_name"), phones, emails,
                            text(c.path("org"), "company")));
                }
            }
            case "reaction" -> {
                type = InboundType.REACTION;
                JsonNode r = message.path("reaction");
                reaction = new InboundMessage.Reaction(text(r, "message_id"), text(r, "emoji"));
                body = reaction.emoji();
            }
            case "order" -> {
                type = InboundType.ORDER;
                JsonNode o = message.path("order");
                List<InboundMessage.OrderItem> items = new ArrayList<>();
                for (JsonNode i : o.path("product_items")) {
                    items.add(new InboundMessage.OrderItem(text(i, "product_retailer_id"), i.path("quantity").asInt(),
                            decimal(i.path("item_price")), text(i, "currency")));
                }
                order = new InboundMessage.Order(text(o, "catalog_id"), text(o, "text"), items);
                body = order.text();
            }
            case "system" -> {
                type = InboundType.SYSTEM;
                JsonNode s = message.path("system");
                system = new InboundMessage.SystemChange(text(s, "type"), text(s, "body"), text(s, "wa_id"),
                        text(s, "user_id"));
                body = system.body();
            }
            case "request_welcome" -> type = InboundType.REQUEST_WELCOME;
            case "unsupported" -> type = InboundType.UNSUPPORTED;
            default -> type = InboundType.UNKNOWN;
        }

        return new InboundMessage(wamid, phoneNumberId, waId, userId, profileName, timestamp, type, wireType, body,
                reply, media, location, cards, reaction, order, referral(message.path("referral")),
                context(message.path("context")), system, errors(message.path("errors")));
    }

    private static JsonNode senderContact(JsonNode value, String from, String fromUserId) {
        JsonNode contacts = value.path("contacts");
        for (JsonNode c : contacts) {
            if ((from != null && from.equals(text(c, "wa_id"))) || (fromUserId != null && fromUserId.equals(text(c, "user_id")))) {
                return c;
            }
        }
        return contacts.size() == 1 ? contacts.get(0) : null;
    }

    private static Instant timestamp(JsonNode message) {
        JsonNode ts = message.path("timestamp");
        if (ts.isMissingNode() || ts.isNull()) {
            throw new MalformedPayloadException("message " + text(message, "id") + " has no timestamp");
        }
        long seconds;
        try {
            seconds = Long.parseLong(ts.asText());
        } catch (NumberFormatException e) {
            throw new MalformedPayloadException("message " + text(message, "id") + " has an invalid timestamp");
        }
        // beyond what a database timestamp holds it would fail the insert (a 5xx Meta retries for a week)
        if (seconds < 0 || seconds > LATEST_TIMESTAMP) {
            throw new MalformedPayloadException("message " + text(message, "id") + " has a timestamp out of range");
        }
        return Instant.ofEpochSecond(seconds);
    }

    private static InboundMessage.Reply reply(JsonNode node) {
        return new InboundMessage.Reply(text(node, "id"), text(node, "title"), text(node, "description"));
    }

    private static InboundMessage.Referral referral(JsonNode r) {
        if (!r.isObject()) {
            return null;
        }
        return new InboundMessage.Referral(text(r, "source_url"), text(r, "source_id"), text(r, "source_type"),
                text(r, "headline"), text(r, "body"), text(r, "ctwa_clid"));
    }

    private static InboundMessage.Context context(JsonNode c) {
        if (!c.isObject()) {
            return null;
        }
        return new InboundMessage.Context(text(c, "from"), text(c, "id"),
                c.path("forwarded").asBoolean(false) || c.path("frequently_forwarded").asBoolean(false),
                text(c.path("referred_product"), "product_retailer_id"));
    }

    private static List<InboundMessage.ErrorInfo> errors(JsonNode errors) {
        if (!errors.isArray() || errors.isEmpty()) {
            return List.of();
        }
        List<InboundMessage.ErrorInfo> list = new ArrayList<>();
        errors.forEach(e -> list.add(new InboundMessage.ErrorInfo(e.path("code").asInt(), text(e, "title"),
                text(e.path("error_data"), "details"))));
        return list;
    }

    static String requiredText(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new MalformedPayloadException("'" + field + "' must be a non-empty string");
        }
        if (v.asText().length() > 255) {
            throw new MalformedPayloadException("'" + field + "' is too long");
        }
        return storable(v.asText());
    }

    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? storable(v.asText()) : null;
    }

    /**
     * A JSON string may carry U+0000 (escaped in the body), which PostgreSQL text columns refuse: it would turn a
     * valid delivery into a 5xx that Meta retries for a week. It becomes U+FFFD; the raw body keeps the original.
     */
    static String storable(String s) {
        return s == null || s.indexOf('\u0000') < 0 ? s : s.replace('\u0000', '\uFFFD');
    }

    private static BigDecimal decimal(JsonNode node) {
        try {
            return node.isNumber() || node.isTextual() ? new BigDecimal(node.asText()) : null;
        } catch (NumberFormatException e) {
            return null; // a price we cannot read is not a reason to lose the order
        }
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null) {
            list.add(value);
        }
    }

    private static String joinNonNull(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + ", " + b;
    }
}
