package com.whatsappflux.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/** The engine checks ids as before, without rendering every entity it inserts. */
class LazyIdCheckPluginTest {

    /** An entity whose rendering fails: inserting it shows whether the check rendered it. */
    private static final class Unprintable implements DbEntity {
        private String id;

        Unprintable(String id) {
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public void setId(String id) {
            this.id = id;
        }

        @Override
        public Object getPersistentState() {
            return id;
        }

        @Override
        public String toString() {
            throw new AssertionError("the entity was rendered");
        }
    }

    private final LazyIdCheckPlugin.LazyIdCheck manager = new LazyIdCheckPlugin.LazyIdCheck(() -> "generated", null);

    @Test
    void aValidIdIsCheckedWithoutRenderingTheEntity() {
        assertThatCode(() -> manager.validateId(new Unprintable("4711"))).doesNotThrowAnyException();
    }

    @Test
    void theReservedIdIsRefusedWithCamundasMessage() {
        UserEntity user = new UserEntity("*");
        assertThatThrownBy(() -> manager.validateId(user)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("cannot be *. * is a reserved identifier").hasMessageContaining("UserEntity");
    }

    @Test
    void aMissingIdIsRefused() {
        assertThatThrownBy(() -> manager.validateId(new UserEntity())).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("has an invalid id: id is null");
    }

    @Test
    void theEngineInsertsThroughIt() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) new StandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:lazy-id-check;DB_CLOSE_DELAY=-1")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
                .setHistory(ProcessEngineConfiguration.HISTORY_ACTIVITY);
        configuration.setProcessEnginePlugins(List.of(new LazyIdCheckPlugin()));
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            Class<?> used = configuration.getCommandExecutorTxRequired()
                    .execute(context -> context.getSession(DbEntityManager.class).getClass());
            assertThat(used).isEqualTo(LazyIdCheckPlugin.LazyIdCheck.class);

            engine.getRepositoryService().createDeployment().addModelInstance("wait.bpmn",
                    Bpmn.createExecutableProcess("wait").camundaHistoryTimeToLive(1).startEvent().userTask().endEvent().done())
                    .deploy();
            String id = engine.getRuntimeService().startProcessInstanceByKey("wait", "customer").getId();
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(id).count()).isEqualTo(1);
            assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).count()).isEqualTo(1);

            assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(context -> {
                context.getDbEntityManager().insert(new UserEntity("*"));
                return null;
            })).hasMessageContaining("cannot be *");
        } finally {
            engine.close();
        }
    }
}
