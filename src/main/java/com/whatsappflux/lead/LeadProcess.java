package com.whatsappflux.lead;

/** Names the lead-capture diagram, its delegates and tests share (once deployed, an id is API). */
public final class LeadProcess {

    public static final String KEY = "lead-capture";
    public static final String DECISION = "lead-score";
    public static final String MESSAGE_WROTE_AGAIN = "leadCustomerWroteAgain";
    public static final String CONVERSATION_TOPIC = "lead";

    // element ids
    public static final String TASK_CLOSE_HOT_LEAD = "userTask_closeHotLead";
    public static final String TASK_FOLLOW_UP_LEAD = "userTask_followUpLead";

    // variables
    public static final String WA_ID = "waId";
    public static final String LANGUAGE = "language";
    public static final String LEAD_ID = "leadId";
    public static final String LEAD_SOURCE = "leadSource";
    public static final String CAMPAIGN_ID = "campaignId";
    public static final String AD_HEADLINE = "adHeadline";
    public static final String MESSAGE_TEXT = "messageText";
    public static final String ENTITIES = "entities";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String EXISTING_CUSTOMER = "existingCustomer";
    public static final String CURRENT_QUESTION = "currentQuestion";
    public static final String QUESTIONS_REMAINING = "questionsRemaining";
    public static final String ANSWER_KIND = "answerKind";
    public static final String BUDGET_BAND = "budgetBand";
    public static final String TIMELINE = "timeline";
    public static final String LEAD_SCORE = "leadScore";
    public static final String SALES_OWNER = "salesOwner";
    public static final String OUTCOME = "outcome";
    public static final String FOLLOW_UP_DATE = "followUpDate";
    public static final String DEAL_VALUE = "dealValue";
    public static final String OUTCOME_NOTES = "outcomeNotes";
    public static final String REPLY_TEXT = "replyText";
    public static final String REPLY_ID = "replyId";

    public static final String ANSWER = "answer";
    public static final String QUESTION = "question";
    public static final String UNKNOWN = "unknown";
    public static final String NURTURE_TAG = "nurture";

    private LeadProcess() {
    }
}
