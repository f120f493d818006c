package com.whatsappflux.broadcast;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;

import com.whatsappflux.broadcast.Campaign.TemplateSpec;
import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.system.Database;
import com.whatsappflux.whatsapp.InvalidMessageException;
import com.whatsappflux.whatsapp.OutboundContent;
import com.whatsappflux.whatsapp.OutboundMessage;
import com.whatsappflux.whatsapp.SendFailure;
import com.whatsappflux.whatsapp.SendRequest;
import com.whatsappflux.whatsapp.WhatsAppSender;

/**
 * Sends one batch of a campaign. Each recipient's send has the idempotency key
 * {@code campaign:<id>:<waId>:<phase>}: after a crash the retried batch finds what Meta already accepted in
 * the outbox and only marks the row. Sends run a few at a time (Graph answers in ~0.2 s; the sender's
 * {@code ThroughputLimiter} keeps the whole node under Meta's cap), each recipient row is updated in its
 * own short statement, so progress survives a crash too.
 */
@Service
public class CampaignSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CampaignSender.class);

    public enum Phase {
        INITIAL("status", "outbound_message_id", "sent_at"),
        REENGAGE("reengage_status", "reengage_outbound_message_id", "reengaged_at");

        private final String statusColumn;
        private final String outboundColumn;
        private final String timeColumn;

        Phase(String statusColumn, String outboundColumn, String timeColumn) {
            this.statusColumn = statusColumn;
            this.outboundColumn = outboundColumn;
            this.timeColumn = timeColumn;
        }

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Phase of(String value) {
            return value == null ? INITIAL : valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** Where the phase stands after a batch. */
    public record BatchResult(int sent, int excluded, int failed, int remaining) {
    }

    private final CampaignRepository campaigns;
    private final WhatsAppSender sender;
    private final Database db;
    private final BusinessClock clock;
    private final BroadcastSettings settings;
    private final MeterRegistry meters;
    private final ExecutorService pool;

    public CampaignSender(CampaignRepository campaigns, WhatsAppSender sender, Database db, BusinessClock clock,
                          BroadcastSettings settings, MeterRegistry meters) {
        this.campaigns = campaigns;
        this.sender = sender;
        this.db = db;
        this.clock = clock;
        this.settings = settings;
        this.meters = meters;
        // shared by all campaigns on this node: concurrent campaigns cannot multiply the connections in use
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, settings.getSendConcurrency()), r -> {
            Thread t = new Thread(r, "campaign-send-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Sends the next {@code batch-size} pending recipients of the phase. A retryable WhatsApp failure leaves
     * its recipient pending and fails the batch after the others were sent, so the job retries later.
     */
    public BatchResult sendBatch(long campaignId, Phase phase, String processInstanceId) {
        Campaign campaign = campaigns.find(campaignId).orElseThrow();
        TemplateSpec spec = phase == Phase.INITIAL ? campaign.template() : campaign.reengageTemplate();
        if (spec == null) {
            db.jdbc().update("UPDATE campaign_recipient SET reengage_status = 'SKIPPED' WHERE campaign_id = ? "
                    + "AND reengage_status = 'PENDING'", campaignId);
            return result(campaignId, phase);
        }
        if (phase == Phase.INITIAL && !"SENDING".equals(campaign.status())) {
            campaigns.setStatus(campaignId, "SENDING");
        }
        OutboundContent content = content(campaign, spec);
        List<Object[]> batch = db.jdbc().query("SELECT id, wa_id FROM campaign_recipient WHERE campaign_id = ? AND "
                + phase.statusColumn + " = 'PENDING' ORDER BY id LIMIT " + settings.getBatchSize(),
                (rs, i) -> new Object[] {rs.getLong("id"), rs.getString("wa_id")}, campaignId);
        List<Future<?>> sends = new ArrayList<>(batch.size());
        for (Object[] row : batch) {
            long recipientId = (Long) row[0];
            String waId = (String) row[1];
            sends.add(pool.submit(() -> sendOne(campaign, phase, content, recipientId, waId, processInstanceId)));
        }
        RuntimeException retryLater = null;
        for (Future<?> send : sends) {
            try {
                send.get();
            } catch (ExecutionException e) {
                retryLater = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending campaign " + campaignId, e);
            }
        }
        if (retryLater != null) {
            throw retryLater; // the job retries; everything accepted so far is marked and will not be sent again
        }
        return result(campaignId, phase);
    }

    private void sendOne(Campaign campaign, Phase phase, OutboundContent content, long recipientId, String waId,
                         String processInstanceId) {
        String key = "campaign:" + campaign.id() + ":" + waId + ":" + phase.key();
        try {
            OutboundMessage sent = sender.send(SendRequest.of(waId, content, key).asMarketing()
                    .forProcess(processInstanceId, campaign.businessKey()));
            mark(phase, recipientId, "SENT", sent.id(), null, null);
            count(phase, "sent");
        } catch (SendFailure failure) {
            if (SendFailure.OPTED_OUT.equals(failure.bpmnErrorCode())) {
                mark(phase, recipientId, "EXCLUDED", null, "opted_out", null); // opted out after the audience was prepared
                count(phase, "excluded");
            } else if (failure.retryable()) {
                count(phase, "retry");
                throw failure;
            } else {
                log.info("Campaign {} to {} rejected: {}", campaign.id(), waId, failure.getMessage());
                mark(phase, recipientId, "FAILED", null, null, failure.graphErrorCode());
                count(phase, "failed");
            }
        } catch (InvalidMessageException invalid) {
            mark(phase, recipientId, "FAILED", null, null, null);
            count(phase, "failed");
        }
    }

    private void mark(Phase phase, long recipientId, String status, Long outboundId, String reason, Integer errorCode) {
        Timestamp now = Timestamp.from(clock.now());
        if (phase == Phase.INITIAL) {
            db.jdbc().update("UPDATE campaign_recipient SET status = ?, outbound_message_id = ?, sent_at = ?, "
                    + "excluded_reason = ?, error_code = ? WHERE id = ?",
                    status, outboundId, "SENT".equals(status) ? now : null, reason, errorCode, recipientId);
        } else {
            db.jdbc().update("UPDATE campaign_recipient SET reengage_status = ?, reengage_outbound_message_id = ?, "
                    + "reengaged_at = ? WHERE id = ?", status, outboundId, "SENT".equals(status) ? now : null, recipientId);
        }
    }

    private BatchResult result(long campaignId, Phase phase) {
        String column = phase.statusColumn;
        List<int[]> counts = db.jdbc().query("SELECT SUM(CASE WHEN " + column + " = 'SENT' THEN 1 ELSE 0 END) s, "
                + "SUM(CASE WHEN " + column + " = 'EXCLUDED' THEN 1 ELSE 0 END) e, "
                + "SUM(CASE WHEN " + column + " = 'FAILED' THEN 1 ELSE 0 END) f, "
                + "SUM(CASE WHEN " + column + " = 'PENDING' THEN 1 ELSE 0 END) p "
                + "FROM campaign_recipient WHERE campaign_id = ?",
                (rs, i) -> new int[] {rs.getInt("s"), rs.getInt("e"), rs.getInt("f"), rs.getInt("p")}, campaignId);
        int[] c = counts.get(0);
        return new BatchResult(c[0], c[1], c[2], c[3]);
    }

    static OutboundContent content(Campaign campaign, TemplateSpec spec) {
        List<String> payloads = spec.quickReplies().stream()
                .map(action -> BroadcastProcess.PAYLOAD_PREFIX + campaign.id() + "_" + action).toList();
        return OutboundContent.template(spec.name(), spec.language(), spec.bodyParameters(), payloads);
    }

    private void count(Phase phase, String outcome) {
        meters.counter("flux.broadcast.recipients", "phase", phase.key(), "outcome", outcome).increment();
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
