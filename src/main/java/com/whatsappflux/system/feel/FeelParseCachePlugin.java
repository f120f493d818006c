package com.whatsappflux.system.feel;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Gives the process engine's DMN engine the {@link CachingFeelEngineFactory}; everything else stays Camunda's default. */
@Component
public class FeelParseCachePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<FeelCustomFunctionProvider> functions = configuration.getDmnFeelCustomFunctionProviders() == null
                ? new ArrayList<>() : configuration.getDmnFeelCustomFunctionProviders();
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        dmn.setFeelEngineFactory(new CachingFeelEngineFactory(functions));
        configuration.setDmnEngineConfiguration(dmn);
    }
}
