package com.whatsappflux.broadcast;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Campaign defaults ({@code flux.broadcast.*}, all optional). Diagrams read the durations as
 * {@code ${broadcastSettings.…}} only as defaults; each campaign stores its own.
 */
@Component("broadcastSettings")
public class BroadcastSettings {

    private volatile int batchSize;
    private volatile int sendConcurrency;
    private final String responseWindow;
    private final String reengageDelay;

    public BroadcastSettings(@Value("${flux.broadcast.batch-size:200}") int batchSize,
                             @Value("${flux.broadcast.send-concurrency:16}") int sendConcurrency,
                             @Value("${flux.broadcast.response-window:P3D}") String responseWindow,
                             @Value("${flux.broadcast.reengage-delay:P2D}") String reengageDelay) {
        this.batchSize = batchSize;
        this.sendConcurrency = sendConcurrency;
        this.responseWindow = responseWindow;
        this.reengageDelay = reengageDelay;
    }

    /** Recipients per "Send next batch" job: one job stays short (200 at 80 msg/s = 2.5 s) and resumable. */
    public int getBatchSize() {
        return batchSize;
    }

    /** Sends in flight at once inside a batch: Graph answers in ~0.2 s, so 80 msg/s needs ~16 in parallel. */
    public int getSendConcurrency() {
        return sendConcurrency;
    }

    public String getResponseWindow() {
        return responseWindow;
    }

    public String getReengageDelay() {
        return reengageDelay;
    }

    /** For tests and the benchmark. */
    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }
}
