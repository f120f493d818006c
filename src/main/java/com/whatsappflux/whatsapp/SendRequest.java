package com.whatsappflux.whatsapp;

/**
 * A message to one customer. {@code idempotencyKey} makes the send happen at most once whatever retries
 * the caller does; {@code templateFallback} is sent instead when the 24-hour window is closed.
 */
public record SendRequest(
        String customerKey,
        OutboundContent content,
        String idempotencyKey,
        OutboundContent templateFallback,
        boolean marketing,
        String processInstanceId,
        String businessKey,
        String replyToMessageId,
        String phoneNumberId) {

    public static SendRequest of(String customerKey, OutboundContent content, String idempotencyKey) {
        return new SendRequest(customerKey, content, idempotencyKey, null, false, null, null, null, null);
    }

    public SendRequest withTemplateFallback(OutboundContent template) {
        if (template != null && !template.isTemplate()) {
            throw new InvalidMessageException("the fallback outside the 24-hour window must be a template");
        }
        return new SendRequest(customerKey, content, idempotencyKey, template, marketing, processInstanceId, businessKey,
                replyToMessageId, phoneNumberId);
    }

    public SendRequest asMarketing() {
        return new SendRequest(customerKey, content, idempotencyKey, templateFallback, true, processInstanceId, businessKey,
                replyToMessageId, phoneNumberId);
    }

    public SendRequest forProcess(String processInstanceId, String businessKey) {
        return new SendRequest(customerKey, content, idempotencyKey, templateFallback, marketing, processInstanceId,
                businessKey, replyToMessageId, phoneNumberId);
    }

    public SendRequest replyingTo(String messageId) {
        return new SendRequest(customerKey, content, idempotencyKey, templateFallback, marketing, processInstanceId,
                businessKey, messageId, phoneNumberId);
    }

    public SendRequest from(String businessPhoneNumberId) {
        return new SendRequest(customerKey, content, idempotencyKey, templateFallback, marketing, processInstanceId,
                businessKey, replyToMessageId, businessPhoneNumberId);
    }
}
