package com.whatsappflux.conversation;

import com.whatsappflux.whatsapp.InboundMessage;

/**
 * A hook for the inbox router: offered every conversational inbound message before the router looks for a
 * waiting workflow or starts {@code message-intake}. Implemented by the broadcast feature, which claims
 * replies to its campaigns (a tap on a campaign's quick-reply button, a quote of a campaign message, or the
 * first free-text answer within a campaign's response window) and answers {@code true} for those.
 */
public interface CampaignReplyHandler {

    /** Answers whether the message was a campaign reply and has been handled (the router then stops). */
    boolean handle(InboundMessage message);
}
