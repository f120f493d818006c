package com.whatsappflux.system;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Group commit: short write transactions that many threads want at the same moment share one database transaction
 * and one commit. Each caller still waits until its own work is committed (a webhook is acknowledged only once its
 * payload is stored, a message is sent only once its outbox row is), but under load PostgreSQL sees one BEGIN/COMMIT
 * and one WAL flush for a whole batch instead of one per caller — most of its CPU per stored webhook went there.
 * <p>
 * One thread per group takes what is queued (up to {@code maxBatch} works), runs the works one after another in a
 * new transaction and commits. When anything in a batch fails — a work throws, a lock wait times out, the database
 * is gone — the whole batch is rolled back and every caller runs its own work alone, in its own transaction on its
 * own thread, exactly as without grouping: a bad work costs the others one retry, never their result.
 * <p>
 * Rules for works: only database work (no calls out, no thread-bound state — they run on the group's thread), safe
 * to run twice when the first run was rolled back, and never waiting for a lock that a caller of the same group may
 * hold in a transaction of its own (a batch waiting for its own caller would wait until the lock timeout).
 */
public final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    /**
     * A batch blocked on a row lock this long gives up, and its works run alone, each on its caller's thread, where
     * waiting holds up nobody else (PostgreSQL's lock_timeout; H2 has its own, LOCK_TIMEOUT in its URL).
     */
    static final String LOCK_TIMEOUT = "2s";

    private final String name;
    private final Database db;
    private final TransactionTemplate newTransaction;
    private final int maxBatch;
    private final LinkedBlockingQueue<Entry<?>> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private final DistributionSummary batchSizes;
    private final Counter fallbacks;
    private volatile boolean running = true;

    public GroupCommit(String name, Database db, PlatformTransactionManager transactions, MeterRegistry meters, int maxBatch) {
        this.name = name;
        this.db = db;
        this.maxBatch = maxBatch;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.batchSizes = DistributionSummary.builder("flux.db.group_commit.batch_size").tag("group", name)
                .description("works committed together").register(meters);
        this.fallbacks = Counter.builder("flux.db.group_commit.fallbacks").tag("group", name)
                .description("batches rolled back whose works then ran alone").register(meters);
        this.committer = new Thread(this::commitLoop, "group-commit-" + name);
        this.committer.setDaemon(true);
        this.committer.start();
    }

    /** Runs {@code work} in a transaction shared with whoever else is waiting, and answers its result once committed. */
    public <T> T execute(Supplier<T> work) {
        return execute("", work);
    }

    /**
     * As {@link #execute(Supplier)}; works of one batch run in the order of their keys, so that two nodes' batches
     * touching the same rows take their locks in the same order instead of deadlocking each other.
     */
    public <T> T execute(String orderKey, Supplier<T> work) {
        if (!running || Thread.currentThread() == committer) {
            return alone(work);
        }
        Entry<T> entry = new Entry<>(orderKey == null ? "" : orderKey, work);
        queue.add(entry);
        if (!running && queue.remove(entry)) {
            return alone(work); // closed meanwhile: nobody would take it from the queue
        }
        try {
            return entry.outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the group commit", e);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RunAlone) {
                return alone(work); // the batch was rolled back: this work's effects are not there, so it runs again
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed.getCause());
        }
    }

    private <T> T alone(Supplier<T> work) {
        return newTransaction.execute(status -> work.get());
    }

    private void commitLoop() {
        List<Entry<?>> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        // shutting down: whoever still waits runs alone
        Entry<?> left;
        while ((left = queue.poll()) != null) {
            left.outcome.completeExceptionally(new RunAlone(new IllegalStateException("group commit " + name + " stopped")));
        }
    }

    private void commit(List<Entry<?>> batch) {
        batch.sort(Comparator.comparing(e -> e.orderKey));
        try {
            newTransaction.executeWithoutResult(status -> {
                // a work waiting for a row lock holds up every caller of the group: give up on it soon instead
                db.setLockTimeoutForTransaction(LOCK_TIMEOUT);
                for (Entry<?> entry : batch) {
                    entry.run();
                }
            });
        } catch (RuntimeException | Error failure) {
            if (unreachable(failure)) {
                // no connection: every work would fail alone too, and so would those queued meanwhile — they are
                // answered now instead of each waiting for a connection in turn (a webhook gets its 503 as fast as
                // it did without grouping, and Meta retries)
                batch.forEach(entry -> entry.outcome.completeExceptionally(failure));
                Entry<?> queued;
                while ((queued = queue.poll()) != null) {
                    queued.outcome.completeExceptionally(failure);
                }
                return;
            }
            if (batch.size() == 1 && !lockNotAvailable(failure)) {
                batch.get(0).outcome.completeExceptionally(failure); // it did run alone: no second attempt
                return;
            }
            fallbacks.increment();
            log.debug("Group commit {} of {} works rolled back, each runs alone: {}", name, batch.size(), failure.toString());
            RunAlone runAlone = new RunAlone(failure);
            batch.forEach(entry -> entry.outcome.completeExceptionally(runAlone));
            return;
        }
        batchSizes.record(batch.size());
        batch.forEach(Entry::complete);
    }

    /** No connection, or it broke: every work of the batch would fail alone too. */
    private static boolean unreachable(Throwable failure) {
        return anyCause(failure, t -> t instanceof CannotCreateTransactionException || t instanceof SQLRecoverableException
                || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"));
    }

    /** PostgreSQL's lock_timeout struck (SQLSTATE 55P03): alone, on its caller's thread, the work may wait. */
    private static boolean lockNotAvailable(Throwable failure) {
        return anyCause(failure, t -> t instanceof SQLException sql && "55P03".equals(sql.getSQLState()));
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    /** The batch was rolled back for a reason that may be another work's: run this one alone. */
    private static final class RunAlone extends RuntimeException {
        RunAlone(Throwable cause) {
            super(cause.toString(), cause, false, false);
        }
    }

    /** Works queued for the next batch (for tests). */
    int waiting() {
        return queue.size();
    }

    @Override
    public void close() {
        running = false;
        committer.interrupt();
    }

    private static final class Entry<T> {
        final String orderKey;
        final Supplier<T> work;
        final CompletableFuture<T> outcome = new CompletableFuture<>();
        T result;

        Entry(String orderKey, Supplier<T> work) {
            this.orderKey = orderKey;
            this.work = work;
        }

        void run() {
            result = work.get();
        }

        void complete() {
            outcome.complete(result);
        }
    }
}
