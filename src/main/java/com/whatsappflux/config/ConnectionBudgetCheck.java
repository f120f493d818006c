package com.whatsappflux.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses a start-up whose connection pool cannot serve its job threads. A job that sends a WhatsApp message holds
 * its transaction's connection through the Graph API call and needs a second one, briefly, to record the outbox row
 * (committed before the call, so a crash cannot lose or repeat it). With as many job threads as connections, every
 * connection can end up held by a thread waiting for another: measured with 32 job threads on 30 connections, all
 * sends stalled until the pool's time-out. Fewer than {@code job threads + inbox workers + 4} connections still works
 * but lets sends starve the webhook and the inbox, so that only warns.
 */
public class ConnectionBudgetCheck implements EnvironmentPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(ConnectionBudgetCheck.class);
    /** Hikari's and Camunda's own defaults, when the settings are absent. */
    private static final int HIKARI_DEFAULT = 10;
    private static final int JOB_THREADS_DEFAULT = 10;
    private static final int INBOX_WORKERS_DEFAULT = 4;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("camunda.bpm.job-execution.enabled", Boolean.class, true)) {
            return;
        }
        int connections = environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, HIKARI_DEFAULT);
        int jobThreads = environment.getProperty("camunda.bpm.job-execution.max-pool-size", Integer.class, JOB_THREADS_DEFAULT);
        int inboxWorkers = environment.getProperty("flux.intake.dispatcher-threads", Integer.class, INBOX_WORKERS_DEFAULT);
        String verdict = verdict(connections, jobThreads, inboxWorkers);
        if (verdict == null) {
            return;
        }
        if (connections <= jobThreads) {
            throw new IllegalStateException(verdict);
        }
        log.warn(verdict);
    }

    /** Null when the pool is large enough; otherwise what is wrong and what to change. */
    static String verdict(int connections, int jobThreads, int inboxWorkers) {
        int recommended = jobThreads + inboxWorkers + 4;
        if (connections >= recommended) {
            return null;
        }
        String settings = " (spring.datasource.hikari.maximum-pool-size = " + connections
                + ", camunda.bpm.job-execution.max-pool-size = " + jobThreads + ", flux.intake.dispatcher-threads = "
                + inboxWorkers + "). A sending job holds one connection through the Graph API call and briefly needs a "
                + "second; give the pool at least " + recommended + " connections or use fewer job threads.";
        return connections <= jobThreads
                ? "The database pool is not larger than the job executor: sends can deadlock it" + settings
                : "The database pool leaves little room beside the job executor: sends can starve the webhook and the inbox"
                        + settings;
    }
}
