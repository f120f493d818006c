package com.whatsappflux.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda checks the id of every row it inserts with an error message built up front: the whole entity as text
 * ({@code "Entity " + entity + " has an invalid id"}), rendered for every variable, job, execution and history row
 * although the check practically never fails. Rendering those texts was 1–2 % of the CPU of routing a message and
 * of running a job. This plugin gives the engine an entity manager that makes the same check (an id must be set and
 * must not be {@code *}) and leaves the message to Camunda's own check when it does fail: same rule, same
 * exception, same text.
 */
@Component
public class LazyIdCheckPlugin extends AbstractProcessEnginePlugin {

    /** After the engine registered its own factory, before the first command opens a session. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getSessionFactories().put(DbEntityManager.class,
                new Factory(configuration.getIdGenerator()));
    }

    static final class Factory extends DbEntityManagerFactory {

        Factory(IdGenerator idGenerator) {
            super(idGenerator);
        }

        @Override
        public DbEntityManager openSession() {
            return new LazyIdCheck(idGenerator,
                    Context.getCommandContext().getSession(PersistenceSession.class));
        }
    }

    /** Camunda's entity manager, checking ids without rendering the entity unless the check fails. */
    static final class LazyIdCheck extends DbEntityManager {

        LazyIdCheck(IdGenerator idGenerator, PersistenceSession persistenceSession) {
            super(idGenerator, persistenceSession);
        }

        @Override
        protected void validateId(DbEntity entity) {
            String id = entity.getId();
            if (id == null || "*".equals(id)) {
                super.validateId(entity); // throws, with Camunda's message
            }
        }
    }
}
