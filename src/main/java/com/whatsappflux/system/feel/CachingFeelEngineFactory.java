package com.whatsappflux.system.feel;

import java.util.List;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.feel.valuemapper.ValueMapper;

/** Camunda's FEEL engine (same functions, value mappers and settings), built on {@link CachingFeelEngine}. */
public class CachingFeelEngineFactory extends ScalaFeelEngineFactory {

    public CachingFeelEngineFactory(List<FeelCustomFunctionProvider> customFunctionProviders) {
        super(customFunctionProviders);
    }

    @Override
    public FeelEngine createInstance() {
        return new ScalaFeelEngine(customFunctionProviders) {
            @Override
            protected org.camunda.feel.FeelEngine buildFeelEngine(CustomFunctionTransformer transformer,
                                                                  ValueMapper.CompositeValueMapper valueMapper) {
                // as the stock engine: these functions, these value mappers, no external (Java) functions
                return new CachingFeelEngine(transformer, valueMapper);
            }
        };
    }
}
