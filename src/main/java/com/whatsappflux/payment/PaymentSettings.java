package com.whatsappflux.payment;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Payment configuration ({@code flux.payment.*}, {@code flux.razorpay.*}) and the bean diagrams read
 * ({@code ${paymentSettings.replyTimeout}}). Setters let tests and operators change it at runtime without a restart.
 * The reminder offsets themselves live in the DMN table payment-reminder-schedule (analysts own them).
 */
@Component("paymentSettings")
public class PaymentSettings {

    @Value("${flux.payment.reply-timeout:PT24H}")
    private String replyTimeout;
    /** Local time of day reminders go out on their day. */
    @Value("${flux.payment.reminder-time:10:00}")
    private String reminderTime;
    /** After the last reminder: accounts call the customer. */
    @Value("${flux.payment.call-after-last-reminder:P1D}")
    private String callAfterLastReminder;
    /** After the call, still open: managers review it (and again after each "keep following up"). */
    @Value("${flux.payment.managers-after-call:P3D}")
    private String managersAfterCall;
    @Value("${flux.payment.public-base-url:http://localhost:${server.port:8080}}")
    private String publicBaseUrl;
    @Value("${flux.razorpay.api-base-url:https://api.razorpay.com}")
    private String razorpayApiBaseUrl;
    @Value("${flux.razorpay.key-id:}")
    private String razorpayKeyId;
    @Value("${flux.razorpay.key-secret:}")
    private String razorpayKeySecret;
    @Value("${flux.razorpay.webhook-secret:}")
    private String razorpayWebhookSecret;

    public String getReplyTimeout() {
        return replyTimeout;
    }

    public LocalTime reminderTime() {
        return LocalTime.parse(reminderTime);
    }

    public Duration callAfterLastReminder() {
        return Duration.parse(callAfterLastReminder);
    }

    public Duration managersAfterCall() {
        return Duration.parse(managersAfterCall);
    }

    public String publicBaseUrl() {
        return publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    public boolean razorpayConfigured() {
        return notBlank(razorpayKeyId) && notBlank(razorpayKeySecret);
    }

    public String razorpayApiBaseUrl() {
        return razorpayApiBaseUrl;
    }

    public String razorpayKeyId() {
        return razorpayKeyId;
    }

    public String razorpayKeySecret() {
        return razorpayKeySecret;
    }

    public String razorpayWebhookSecret() {
        return razorpayWebhookSecret;
    }

    public void setReplyTimeout(String replyTimeout) {
        this.replyTimeout = replyTimeout;
    }

    public void setReminderTime(String reminderTime) {
        this.reminderTime = reminderTime;
    }

    public void setCallAfterLastReminder(String callAfterLastReminder) {
        this.callAfterLastReminder = callAfterLastReminder;
    }

    public void setManagersAfterCall(String managersAfterCall) {
        this.managersAfterCall = managersAfterCall;
    }

    public void setPublicBaseUrl(String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    /** Razorpay payment links: used only when key id and secret are both set. */
    public void setRazorpay(String apiBaseUrl, String keyId, String keySecret, String webhookSecret) {
        this.razorpayApiBaseUrl = apiBaseUrl;
        this.razorpayKeyId = keyId;
        this.razorpayKeySecret = keySecret;
        this.razorpayWebhookSecret = webhookSecret;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
