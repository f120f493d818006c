package com.whatsappflux.system;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.CacheFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.CachePurgeReport;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DefaultCacheFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which version of a workflow or decision is the latest, and a workflow version's row, remembered instead of read from
 * the database again and again. Every routed message starts the intake by key, evaluates the route table (bound to
 * its latest version) and starts a workflow by key; a command on an instance reads its version's row again for its
 * suspension state, and history events read it for the workflow's name. Answers that change only when someone
 * deploys or suspends were read 3–4 times per message with its jobs (70,000 reads in a benchmark run of 19,500
 * messages, 3,000 with this plugin); the lookups (query, MyBatis mapping, entity cache) were 5–8 % of the CPU of
 * routing a message.
 * <p>
 * A deployment on this node takes effect at once (what was remembered is forgotten when it is deployed); one made on
 * another node of a cluster, and a definition suspended or activated in Cockpit, take effect within
 * {@code flux.engine.latest-definition-ttl} (default 1 s). With a tenant id, or a version the deployment cache no
 * longer holds, the engine asks the database as before. History events take their workflow's key, name and version
 * from the deployed version in memory (they never change for a version id).
 */
@Component
public class LatestDefinitionCachePlugin extends AbstractProcessEnginePlugin {

    /** Camunda's own default capacity of the deployment cache (Flux does not change it). */
    private static final int CACHE_CAPACITY = 1000;

    private final Duration timeToLive;

    public LatestDefinitionCachePlugin(@Value("${flux.engine.latest-definition-ttl:1s}") Duration timeToLive) {
        this.timeToLive = timeToLive;
    }

    /**
     * History events name their workflow (key, name, version). Camunda reads the version's row for that in every
     * command that has not read it yet; those fields never change for a version id, so the deployed version in memory
     * answers, and only one not deployed here is read.
     */
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getHistoryEventProducer() == null) {
            configuration.setHistoryEventProducer(new DeployedDefinitionsHistoryEventProducer());
        }
    }

    /** After the engine made its deployers, before anything is deployed. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (timeToLive.isZero() || timeToLive.isNegative()) {
            return; // switched off: every lookup asks the database, as Camunda does
        }
        LatestVersions cache = new LatestVersions(new DefaultCacheFactory(), CACHE_CAPACITY, timeToLive);
        cache.setDeployers(configuration.getDeployers());
        configuration.setDeploymentCache(cache);
    }

    /** Camunda's deployment cache, remembering for a while which version is the latest of each key. */
    static final class LatestVersions extends DeploymentCache {

        private record Key(String kind, String key) {
        }

        private record Latest(String id, long fetchedAt) {
        }

        private final long timeToLiveNanos;
        private final Map<Key, Latest> latest = new ConcurrentHashMap<>();

        LatestVersions(CacheFactory factory, int capacity, Duration timeToLive) {
            super(factory, capacity);
            this.timeToLiveNanos = timeToLive.toNanos();
        }

        /**
         * A workflow version by id, as a command touching one of its instances asks for it (a job, a correlation, a
         * task completed): Camunda reads its row again to refresh suspension state and history time to live. Within
         * the time to live the deployed one is used as is.
         */
        @Override
        public ProcessDefinitionEntity findDeployedProcessDefinitionById(String id) {
            return process("by id", id, () -> super.findDeployedProcessDefinitionById(id));
        }

        @Override
        public ProcessDefinitionEntity findDeployedLatestProcessDefinitionByKey(String key) {
            return process("latest", key, () -> super.findDeployedLatestProcessDefinitionByKey(key));
        }

        @Override
        public ProcessDefinitionEntity findDeployedLatestProcessDefinitionByKeyAndTenantId(String key, String tenantId) {
            if (tenantId != null) {
                return super.findDeployedLatestProcessDefinitionByKeyAndTenantId(key, tenantId);
            }
            return process("latest without tenant", key,
                    () -> super.findDeployedLatestProcessDefinitionByKeyAndTenantId(key, null));
        }

        @Override
        public DecisionDefinition findDeployedLatestDecisionDefinitionByKey(String key) {
            return decision("latest", key, () -> super.findDeployedLatestDecisionDefinitionByKey(key));
        }

        @Override
        public DecisionDefinition findDeployedLatestDecisionDefinitionByKeyAndTenantId(String key, String tenantId) {
            if (tenantId != null) {
                return super.findDeployedLatestDecisionDefinitionByKeyAndTenantId(key, tenantId);
            }
            return decision("latest without tenant", key,
                    () -> super.findDeployedLatestDecisionDefinitionByKeyAndTenantId(key, null));
        }

        private ProcessDefinitionEntity process(String lookup, String value, Supplier<ProcessDefinitionEntity> database) {
            return remembered(new Key("process " + lookup, value), id -> getProcessDefinitionCache().get(id), database);
        }

        private DecisionDefinition decision(String lookup, String value, Supplier<DecisionDefinition> database) {
            return remembered(new Key("decision " + lookup, value), id -> getDecisionDefinitionCache().get(id), database);
        }

        /** The remembered version while it is fresh and still deployed here, else the database's answer. */
        private <T extends ResourceDefinition> T remembered(Key key, Function<String, ? extends T> deployed,
                                                            Supplier<T> lookUp) {
            Latest known = latest.get(key);
            if (known != null && System.nanoTime() - known.fetchedAt() < timeToLiveNanos) {
                T definition = deployed.apply(known.id());
                if (definition != null) {
                    return definition;
                }
            }
            long askedAt = System.nanoTime();
            T definition = lookUp.get(); // throws as before when there is none
            latest.put(key, new Latest(definition.getId(), askedAt));
            return definition;
        }

        // whatever changes the deployed definitions on this node makes them be asked for again

        @Override
        public void deploy(DeploymentEntity deployment) {
            latest.clear();
            super.deploy(deployment);
            latest.clear();
        }

        @Override
        public void removeDeployment(String deploymentId) {
            latest.clear();
            super.removeDeployment(deploymentId);
        }

        @Override
        public void removeProcessDefinition(String processDefinitionId) {
            latest.clear();
            super.removeProcessDefinition(processDefinitionId);
        }

        @Override
        public void removeDecisionDefinition(String decisionDefinitionId) {
            latest.clear();
            super.removeDecisionDefinition(decisionDefinitionId);
        }

        @Override
        public void discardProcessDefinitionCache() {
            latest.clear();
            super.discardProcessDefinitionCache();
        }

        @Override
        public void discardDecisionDefinitionCache() {
            latest.clear();
            super.discardDecisionDefinitionCache();
        }

        @Override
        public CachePurgeReport purgeCache() {
            latest.clear();
            return super.purgeCache();
        }
    }

    /** Camunda's history event producer, naming the workflow of an event from the deployment cache. */
    static final class DeployedDefinitionsHistoryEventProducer extends CacheAwareHistoryEventProducer {

        @Override
        protected ProcessDefinitionEntity getProcessDefinitionEntity(String processDefinitionId) {
            ProcessDefinitionEntity deployed = Context.getProcessEngineConfiguration().getDeploymentCache()
                    .findProcessDefinitionFromCache(processDefinitionId);
            return deployed != null ? deployed : super.getProcessDefinitionEntity(processDefinitionId);
        }
    }
}
