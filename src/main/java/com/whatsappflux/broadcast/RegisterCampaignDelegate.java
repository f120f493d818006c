package com.whatsappflux.broadcast;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import com.whatsappflux.system.BusinessClock;

/**
 * "Register campaign". A campaign created through the API arrives with {@code campaignId}; one started
 * from the Tasklist start form arrives with the form's fields, which become a campaign row here (the
 * pasted numbers are then dropped from the process: data lives in the tables). Either way the instance
 * ends up with business key campaign-&lt;id&gt; and its timer durations.
 */
@Component
public class RegisterCampaignDelegate implements JavaDelegate {

    private final CampaignService campaigns;
    private final BusinessClock clock;

    public RegisterCampaignDelegate(CampaignService campaigns, BusinessClock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object id = execution.getVariable(BroadcastProcess.CAMPAIGN_ID);
        long campaignId;
        if (id != null) {
            campaignId = ((Number) id).longValue();
        } else {
            campaignId = campaigns.register(fromForm(execution), startedBy(execution));
            for (String field : List.of("audienceNumbers", "bodyParameters", "reengageBodyParameters")) {
                execution.removeVariable(field);
            }
        }
        Campaign campaign = campaigns.require(campaignId);
        campaigns.attachProcessInstance(campaignId, execution.getProcessInstanceId());
        execution.setProcessBusinessKey(campaign.businessKey());
        execution.setVariables(campaigns.processVariables(campaign));
    }

    private CampaignRequest fromForm(DelegateExecution ex) {
        CampaignRequest.Template template = new CampaignRequest.Template(text(ex, "templateName"),
                text(ex, "templateLanguage"), lines(text(ex, "bodyParameters")), list(text(ex, "quickReplies")));
        String reengageName = text(ex, "reengageTemplateName");
        CampaignRequest.Template reengage = reengageName == null ? null : new CampaignRequest.Template(reengageName,
                text(ex, "templateLanguage"), lines(text(ex, "reengageBodyParameters")), list(text(ex, "quickReplies")));
        CampaignRequest.Audience audience = new CampaignRequest.Audience(list(text(ex, "audienceTags")), List.of(),
                text(ex, "audienceNumbers"));
        return new CampaignRequest(text(ex, "campaignName"), template, audience, null, startAt(text(ex, "startAt")),
                reengage, text(ex, "reengageAfter"), text(ex, "responseWindow"), text(ex, "hotLeadRoute"));
    }

    /** "2026-11-01T10:00" is business time; an explicit offset or Z is taken as given. */
    private Instant startAt(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).atZone(clock.zone()).toInstant();
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("startAt must look like 2026-11-01T10:00");
            }
        }
    }

    private static String startedBy(DelegateExecution execution) {
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return auth == null ? null : auth.getUserId();
    }

    private static String text(DelegateExecution ex, String name) {
        Object v = ex.getVariable(name);
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    private static List<String> list(String value) {
        return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> lines(String value) {
        return value == null ? List.of() : Arrays.stream(value.split("\\r?\\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
