package com.whatsappflux.whatsapp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One inbound customer message, whatever its type, in one typed model. Parts that a type does not have
 * are null. {@code text} is what a person would read: the body, a caption, a button title, a place name.
 */
public record InboundMessage(
        String wamid,
        String phoneNumberId,
        String waId,
        String userId,
        String profileName,
        Instant timestamp,
        InboundType type,
        String wireType,
        String text,
        Reply reply,
        Media media,
        Location location,
        List<ContactCard> contactCards,
        Reaction reaction,
        Order order,
        Referral referral,
        Context context,
        SystemChange system,
        List<ErrorInfo> errors) {

    /** The key a customer is known by: the phone number, or the business-scoped user id when it is withheld. */
    public String customerKey() {
        return waId != null ? waId : userId;
    }

    /** Button/list reply, WhatsApp Flow answer, or template quick-reply tap. */
    public record Reply(String id, String title, String description) {
    }

    public record Media(String id, String mimeType, String sha256, String url, String caption, String filename,
                        boolean voice) {
    }

    public record Location(double latitude, double longitude, String name, String address, String url) {
    }

    public record ContactCard(String formattedName, List<String> phones, List<String> emails, String company) {
    }

    public record Reaction(String messageId, String emoji) {
    }

    public record Order(String catalogId, String text, List<OrderItem> items) {
    }

    public record OrderItem(String productRetailerId, int quantity, BigDecimal itemPrice, String currency) {
    }

    public record Referral(String sourceUrl, String sourceId, String sourceType, String headline, String body,
                           String ctwaClid) {
    }

    public record Context(String from, String id, boolean forwarded, String referredProductId) {
    }

    public record SystemChange(String type, String body, String newWaId, String newUserId) {
    }

    public record ErrorInfo(int code, String title, String details) {
    }
}
