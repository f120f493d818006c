package com.whatsappflux.payment;

/** Names of payment-follow-up and its called payment-invoice-collection (processes/*.bpmn) and their variables. */
public final class PaymentProcess {

    public static final String KEY = "payment-follow-up";
    public static final String COLLECTION_KEY = "payment-invoice-collection";
    public static final String TOPIC = "payment";

    /** Messages to the invoice instance (business key = invoice number). */
    public static final String PAYMENT_RECEIVED = "paymentReceived";
    public static final String PAYMENT_CLAIMED = "paymentClaimed";
    public static final String INVOICE_DISPUTED = "invoiceDisputed";

    public static final String WA_ID = "waId";
    public static final String LANGUAGE = "language";
    public static final String INVOICE_NUMBER = "invoiceNumber";
    public static final String INVOICE_AMOUNT = "invoiceAmount";
    public static final String DUE_DATE = "dueDate";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String INVOICE_SENT_AT = "invoiceSentAt";
    public static final String REMINDER_OFFSETS = "reminderOffsets";
    public static final String LAST_REMINDER_AT = "lastReminderAt";
    public static final String CALLED_AT = "calledAt";
    public static final String MANAGERS_REVIEWED_AT = "managersReviewedAt";
    public static final String NEXT_FOLLOW_UP = "nextFollowUp";
    public static final String NEXT_FOLLOW_UP_AT = "nextFollowUpAt";
    public static final String PAID_IN_FULL = "paidInFull";
    public static final String NEW_PAYMENT_RECEIVED = "newPaymentReceived";
    public static final String ACKNOWLEDGED_PAID = "acknowledgedPaidAmount";
    public static final String INVOICE_SUMMARY = "invoiceSummary";
    public static final String CLAIM_CONFIRMED = "claimConfirmed";
    public static final String PAYMENT_VERIFIED = "paymentVerified";

    /** The customer-message path. */
    public static final String MESSAGE_TEXT = "messageText";
    public static final String MESSAGE_TYPE = "messageType";
    public static final String ENTITIES = "entities";
    public static final String REPLY_ID = "replyId";
    public static final String PAYMENT_REQUEST = "paymentRequest";
    public static final String INVOICE_MATCH = "invoiceMatch";
    public static final String CLAIMED_REFERENCE = "claimedReference";
    public static final String CLAIMED_AMOUNT = "claimedAmount";
    public static final String CLAIMED_AMOUNT_TEXT = "claimedAmountText";
    public static final String CLAIM_MESSAGE_TEXT = "claimMessageText";
    public static final String DISPUTE_MESSAGE_TEXT = "disputeMessageText";
    public static final String FORWARD_RESULT = "forwardResult";
    public static final String OPEN_INVOICES_SUMMARY = "openInvoicesSummary";
    /** The invoice a customer message is about (the customer path never sets invoiceNumber: that marks the invoice path). */
    public static final String MEANT_INVOICE = "meantInvoiceNumber";

    /** Quick-reply payloads of the payment_reminder template and ids of our buttons. */
    public static final String PAID = "PAID";
    public static final String SEND_INVOICE = "SEND_INVOICE";
    public static final String CHOSEN_INVOICE_PREFIX = "INVOICE:";

    private PaymentProcess() {
    }
}
