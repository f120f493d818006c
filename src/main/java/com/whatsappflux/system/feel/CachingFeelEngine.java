package com.whatsappflux.system.feel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.feel.FeelEngine;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;

import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Right;

/**
 * The FEEL engine Camunda's DMN engine uses, remembering what it parsed. The stock engine parses every cell of a
 * decision table again on every evaluation; parsing was about two thirds of the time spent deciding a message's
 * route. A parsed expression is immutable and depends on nothing but its text, so it can be shared; evaluation is
 * unchanged. Only successful parses are kept — a broken expression fails the same way every time.
 */
final class CachingFeelEngine extends FeelEngine {

    /** Decision tables are deployed, so the set of texts is finite; the bound only guards against misuse. */
    static final int MAX_ENTRIES = 20_000;

    private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();
    private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();

    CachingFeelEngine(FunctionProvider functionProvider, ValueMapper valueMapper) {
        super(functionProvider, valueMapper, new FeelEngine.Configuration(false), FeelEngine.defaultClock());
    }

    @Override
    public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
        return cached(unaryTests, expression, super::parseUnaryTests);
    }

    @Override
    public Either<Failure, ParsedExpression> parseExpression(String expression) {
        return cached(expressions, expression, super::parseExpression);
    }

    int cachedEntries() {
        return unaryTests.size() + expressions.size();
    }

    private static Either<Failure, ParsedExpression> cached(Map<String, ParsedExpression> cache, String expression,
                                                             Function<String, Either<Failure, ParsedExpression>> parser) {
        ParsedExpression known = cache.get(expression);
        if (known != null) {
            return new Right<>(known);
        }
        Either<Failure, ParsedExpression> parsed = parser.apply(expression);
        if (parsed.isRight()) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(expression, parsed.toOption().get());
        }
        return parsed;
    }
}
