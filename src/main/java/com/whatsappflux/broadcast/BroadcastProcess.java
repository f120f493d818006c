package com.whatsappflux.broadcast;

/** Names of the broadcast processes (processes/broadcast-follow-up.bpmn, broadcast-response.bpmn) and their variables. */
public final class BroadcastProcess {

    public static final String KEY = "broadcast-follow-up";
    /** One short instance per campaign reply: tag it, route it. Only repliers get one, never the whole audience. */
    public static final String RESPONSE_KEY = "broadcast-response";
    public static final String TAG_DECISION = "broadcast-response-tag";
    public static final String LEAD_CAPTURE_KEY = "lead-capture";

    public static final String BUSINESS_KEY_PREFIX = "campaign-";

    // campaign instance
    public static final String CAMPAIGN_ID = "campaignId";
    public static final String START_AT = "startAt";
    public static final String REENGAGE_DELAY = "reengageDelay";
    public static final String RESPONSE_WINDOW = "responseWindow";
    public static final String REENGAGE_PLANNED = "reengagePlanned";
    public static final String AUDIENCE_COUNT = "audienceCount";
    public static final String SENT_COUNT = "sentCount";
    public static final String EXCLUDED_COUNT = "excludedCount";
    public static final String FAILED_COUNT = "failedCount";
    public static final String REMAINING_COUNT = "remainingCount";
    public static final String NON_RESPONDER_COUNT = "nonResponderCount";
    public static final String REENGAGED_COUNT = "reengagedCount";
    public static final String COLD_COUNT = "coldCount";
    /** Input parameter of "Send next batch": initial | reengage. */
    public static final String PHASE = "phase";

    // response instance
    public static final String WA_ID = "waId";
    public static final String LANGUAGE = "language";
    public static final String RECIPIENT_ID = "recipientId";
    public static final String CAMPAIGN_NAME = "campaignName";
    public static final String MESSAGE_TEXT = "messageText";
    public static final String REPLY_ID = "replyId";
    public static final String BUTTON_ACTION = "buttonAction";
    public static final String INTENT = "intent";
    public static final String CONFIDENCE = "confidence";
    public static final String STOP_WORDS = "stopWords";
    public static final String DECLINED = "declined";
    public static final String PRICE_QUESTION = "priceQuestion";
    public static final String INTERESTED_WORDS = "interestedWords";
    public static final String HOT_LEAD_ROUTE = "hotLeadRoute";
    public static final String RESPONSE_TAG = "responseTag";
    public static final String FIRST_OPT_OUT = "firstOptOut";

    /** Quick-reply payloads we put on campaign templates: CAMPAIGN_<id>_<action>. */
    public static final String PAYLOAD_PREFIX = "CAMPAIGN_";

    private BroadcastProcess() {
    }
}
