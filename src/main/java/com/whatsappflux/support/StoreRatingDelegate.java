package com.whatsappflux.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;

/** Stores the rating: the list row tapped ({@code SUPPORT_CSAT_4}) or a digit 1-5 typed instead. */
@Component
public class StoreRatingDelegate implements JavaDelegate {

    private static final Pattern DIGIT = Pattern.compile("(?<!\\d)([1-5])(?!\\d)");

    private final SupportCases cases;

    public StoreRatingDelegate(SupportCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Integer rating = rating((String) execution.getVariable(SupportProcess.REPLY_ID),
                (String) execution.getVariable("replyText"));
        execution.setVariable(SupportProcess.RATING, rating);
        if (rating != null) {
            cases.rate(((Number) execution.getVariable(SupportProcess.CASE_ID)).longValue(), CustomerMessenger.waId(execution),
                    rating);
        }
    }

    static Integer rating(String replyId, String replyText) {
        if (replyId != null && replyId.startsWith(SupportProcess.RATING_ROW_PREFIX)) {
            return Integer.valueOf(replyId.substring(SupportProcess.RATING_ROW_PREFIX.length()));
        }
        Matcher m = DIGIT.matcher(replyText == null ? "" : replyText);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
