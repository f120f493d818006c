package com.whatsappflux.system;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A job definition's row (one per asynchronous step of a workflow version: its suspension state and overriding
 * priority), remembered instead of read again in every command. Camunda reads it when it creates a job (is the step
 * suspended, which priority) and again in the command that runs the job, when the step ends: ~4.6 reads per routed
 * message with its jobs (84,260 in a benchmark run of 19,500 messages, 3,482 with this plugin), for rows that
 * change only when someone suspends a step or sets its priority in Cockpit.
 * <p>
 * Same promise as {@link LatestDefinitionCachePlugin}, with the same setting ({@code flux.engine.latest-definition-ttl},
 * 1 s; 0 = off): a suspension or priority set on this node counts at once, one made on another node within the time
 * to live. Every command still gets its own copy, tracked by Camunda like a row it read, and the command that sets a
 * priority always reads the row itself, so a change is never written over a stale revision.
 */
@Component
public class JobDefinitionCachePlugin extends AbstractProcessEnginePlugin {

    private final Duration timeToLive;

    public JobDefinitionCachePlugin(@Value("${flux.engine.latest-definition-ttl:1s}") Duration timeToLive) {
        this.timeToLive = timeToLive;
    }

    /** After the engine registered its own manager, before the first command opens a session. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (timeToLive.isZero() || timeToLive.isNegative()) {
            return; // switched off: every command reads the row, as Camunda does
        }
        configuration.getSessionFactories().put(JobDefinitionManager.class, new Factory(timeToLive.toNanos()));
    }

    /** One manager per command, all sharing what was remembered. */
    static final class Factory implements SessionFactory {

        private final long timeToLiveNanos;
        /** By job definition id: one per asynchronous step of each deployed workflow version, a few hundred rows. */
        private final Map<String, Remembered> rows = new ConcurrentHashMap<>();

        Factory(long timeToLiveNanos) {
            this.timeToLiveNanos = timeToLiveNanos;
        }

        @Override
        public Class<?> getSessionType() {
            return JobDefinitionManager.class;
        }

        @Override
        public Session openSession() {
            return new RememberingJobDefinitions(rows, timeToLiveNanos);
        }
    }

    /** A row as read, and when it was asked for. */
    private record Remembered(JobDefinitionEntity row, long askedAt) {
    }

    /** Camunda's job definition manager, answering {@link #findById} from memory while the row is fresh. */
    static final class RememberingJobDefinitions extends JobDefinitionManager {

        private final Map<String, Remembered> rows;
        private final long timeToLiveNanos;

        RememberingJobDefinitions(Map<String, Remembered> rows, long timeToLiveNanos) {
            this.rows = rows;
            this.timeToLiveNanos = timeToLiveNanos;
        }

        @Override
        public JobDefinitionEntity findById(String id) {
            JobDefinitionEntity inThisCommand = getDbEntityManager().getCachedEntity(JobDefinitionEntity.class, id);
            if (inThisCommand != null) {
                return inThisCommand;
            }
            if (changesJobDefinitions()) {
                forgetNowAndAfterCommit(id);
                return super.findById(id);
            }
            Remembered known = rows.get(id);
            if (known != null && System.nanoTime() - known.askedAt() < timeToLiveNanos) {
                JobDefinitionEntity copy = copyOf(known.row());
                getDbEntityManager().getDbEntityCache().putPersistent(copy); // as if read: changes are written back
                return copy;
            }
            long askedAt = System.nanoTime();
            JobDefinitionEntity read = super.findById(id);
            if (read != null) {
                rows.put(id, new Remembered(copyOf(read), askedAt));
            }
            return read;
        }

        // whatever changes job definitions on this node makes them be read again

        @Override
        public void updateJobDefinitionSuspensionStateById(String jobDefinitionId, SuspensionState state) {
            forgetNowAndAfterCommit(null);
            super.updateJobDefinitionSuspensionStateById(jobDefinitionId, state);
        }

        @Override
        public void updateJobDefinitionSuspensionStateByProcessDefinitionId(String processDefinitionId,
                                                                            SuspensionState state) {
            forgetNowAndAfterCommit(null);
            super.updateJobDefinitionSuspensionStateByProcessDefinitionId(processDefinitionId, state);
        }

        @Override
        public void updateJobDefinitionSuspensionStateByProcessDefinitionKey(String processDefinitionKey,
                                                                             SuspensionState state) {
            forgetNowAndAfterCommit(null);
            super.updateJobDefinitionSuspensionStateByProcessDefinitionKey(processDefinitionKey, state);
        }

        @Override
        public void updateJobDefinitionSuspensionStateByProcessDefinitionKeyAndTenantId(String processDefinitionKey,
                String processDefinitionTenantId, SuspensionState state) {
            forgetNowAndAfterCommit(null);
            super.updateJobDefinitionSuspensionStateByProcessDefinitionKeyAndTenantId(processDefinitionKey,
                    processDefinitionTenantId, state);
        }

        @Override
        public void deleteJobDefinitionsByProcessDefinitionId(String id) {
            forgetNowAndAfterCommit(null);
            super.deleteJobDefinitionsByProcessDefinitionId(id);
        }

        /** Setting a priority changes the row it read: that read must be the database's latest revision. */
        private static boolean changesJobDefinitions() {
            CommandInvocationContext invocation = Context.getCommandInvocationContext();
            return invocation != null && invocation.getCommand() instanceof SetJobDefinitionPriorityCmd;
        }

        /**
         * Forgets one row (or all, for null) now, and again once the change is committed, so that a command reading
         * in between cannot keep the old row for another time to live.
         */
        private void forgetNowAndAfterCommit(String id) {
            Runnable forget = id == null ? rows::clear : () -> rows.remove(id);
            forget.run();
            Context.getCommandContext().getTransactionContext()
                    .addTransactionListener(TransactionState.COMMITTED, committed -> forget.run());
        }

        private static JobDefinitionEntity copyOf(JobDefinitionEntity row) {
            JobDefinitionEntity copy = new JobDefinitionEntity();
            copy.setId(row.getId());
            copy.setRevision(row.getRevision());
            copy.setProcessDefinitionId(row.getProcessDefinitionId());
            copy.setProcessDefinitionKey(row.getProcessDefinitionKey());
            copy.setActivityId(row.getActivityId());
            copy.setJobType(row.getJobType());
            copy.setJobConfiguration(row.getJobConfiguration());
            copy.setSuspensionState(row.getSuspensionState());
            copy.setJobPriority(row.getOverridingJobPriority());
            copy.setTenantId(row.getTenantId());
            copy.setDeploymentId(row.getDeploymentId());
            return copy;
        }
    }
}
