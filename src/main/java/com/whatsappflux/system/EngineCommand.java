package com.whatsappflux.system;

import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs several engine calls as one engine command. Each call of the engine's services otherwise writes its own
 * rows in a flush of its own; inside one command the engine keeps them until the end and writes them together,
 * a statement per table and kind instead of one per call (with the PostgreSQL driver's batch rewriting, one
 * multi-row INSERT for the variables of all the workflows started). Joins the surrounding Spring transaction.
 * An exception fails the whole command, and the caller's transaction must roll back.
 */
@Component
public class EngineCommand {

    private final ProcessEngineConfigurationImpl configuration;

    public EngineCommand(ProcessEngine engine) {
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    public <T> T run(Supplier<T> work) {
        return configuration.getCommandExecutorTxRequired().execute(commandContext -> work.get());
    }
}
