package com.whatsappflux.support;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Configuration the support diagram reads in expressions ({@code ${supportSettings.slaDuration}}) and the
 * services read directly. Properties {@code flux.support.*}; defaults here so no yaml is needed.
 */
@Component("supportSettings")
public class SupportSettings {

    private final Duration slaDuration;
    private final Duration replyWait;
    private final Duration ratingWait;
    private final int recentOrderDays;
    private final double faqThreshold;

    public SupportSettings(@Value("${flux.support.sla-duration:PT4H}") Duration slaDuration,
                           @Value("${flux.support.reply-wait:PT24H}") Duration replyWait,
                           @Value("${flux.support.rating-wait:PT24H}") Duration ratingWait,
                           @Value("${flux.support.recent-order-days:60}") int recentOrderDays,
                           @Value("${flux.support.faq-threshold:" + KnowledgeBaseMatcher.DEFAULT_THRESHOLD + "}") double faqThreshold) {
        this.slaDuration = slaDuration;
        this.replyWait = replyWait;
        this.ratingWait = ratingWait;
        this.recentOrderDays = recentOrderDays;
        this.faqThreshold = faqThreshold;
    }

    /** How long a "Resolve support case" task may stay open (business time for the due date) before managers see it. */
    public String getSlaDuration() {
        return slaDuration.toString();
    }

    /** How long we wait for "Did this solve it?" or an order number before closing the case. */
    public String getReplyWait() {
        return replyWait.toString();
    }

    public String getRatingWait() {
        return ratingWait.toString();
    }

    /** Orders this recent count as "the customer's order" when they give no number. */
    public int recentOrderDays() {
        return recentOrderDays;
    }

    public double faqThreshold() {
        return faqThreshold;
    }
}
