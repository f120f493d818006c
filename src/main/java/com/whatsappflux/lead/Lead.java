package com.whatsappflux.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One enquiry in the built-in CRM. */
public record Lead(long id, String waId, String customerName, String source, Long campaignId, String adHeadline,
                   String firstMessage, String lastMessage, int messageCount, String language, String stage, String score,
                   String owner, BigDecimal dealValue, LocalDate followUpOn, String outcomeNotes, String customerQuestions,
                   Instant createdAt, Instant updatedAt, Instant closedAt) {

    public static final String NEW = "NEW";
    public static final String QUALIFIED = "QUALIFIED";
    public static final String WON = "WON";
    public static final String LOST = "LOST";
    public static final String FOLLOW_UP = "FOLLOW_UP";
    public static final String UNRESPONSIVE = "UNRESPONSIVE";

    public boolean open() {
        return closedAt == null;
    }
}
