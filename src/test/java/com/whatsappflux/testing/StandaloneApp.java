package com.whatsappflux.testing;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.whatsappflux.FluxApplication;

/**
 * A second, short-lived application in the test JVM (restart and sandbox tests). Camunda keeps engines in a static
 * registry by name, so a second "default" engine replaces — and on close removes — the one the shared test
 * context's REST API uses; this puts the shared one back when the standalone app closes.
 */
public final class StandaloneApp implements AutoCloseable {

    private final ProcessEngine previous;
    private final ConfigurableApplicationContext context;

    private StandaloneApp(String[] args) {
        this.previous = ProcessEngines.getProcessEngines().get(ProcessEngines.NAME_DEFAULT);
        this.context = new SpringApplicationBuilder(FluxApplication.class).profiles("demo").run(args);
    }

    public static StandaloneApp run(String... args) {
        return new StandaloneApp(args);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T getBean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
        if (previous != null) {
            ProcessEngines.registerProcessEngine(previous);
        }
    }
}
