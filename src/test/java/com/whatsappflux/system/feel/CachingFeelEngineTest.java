package com.whatsappflux.system.feel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.feel.FeelEngine;
import org.junit.jupiter.api.Test;

class CachingFeelEngineTest {

    private final CachingFeelEngine engine = new CachingFeelEngine(FeelEngine.defaultFunctionProvider(),
            FeelEngine.defaultValueMapper());

    @Test
    void parsesEachTextOnce() {
        var first = engine.parseUnaryTests(">= 0.7").toOption().get();
        var again = engine.parseUnaryTests(">= 0.7").toOption().get();
        assertThat(again).isSameAs(first);
        assertThat(engine.parseExpression("a + 1").toOption().get()).isSameAs(engine.parseExpression("a + 1").toOption().get());
        assertThat(engine.cachedEntries()).isEqualTo(2);
    }

    @Test
    void evaluatesAsTheStockEngine() {
        FeelEngine stock = new FeelEngine.Builder().build();
        for (Object input : new Object[] {0.5, 0.7, 0.95, 3, "lead", null}) {
            Map<String, Object> context = new HashMap<>();
            context.put("inputValue", input);
            context.put("x", 21);
            for (String tests : new String[] {">= 0.7", "< 0.7", "[1..3]", "\"lead\",\"payment\"", "not(\"lead\")", "-"}) {
                for (int twice = 0; twice < 2; twice++) {
                    assertThat(engine.evalUnaryTests(tests, context).toString()).as("%s on %s", tests, input)
                            .isEqualTo(stock.evalUnaryTests(tests, context).toString());
                }
            }
            assertThat(engine.evalExpression("x * 2", context).toString())
                    .isEqualTo(stock.evalExpression("x * 2", context).toString());
        }
    }

    @Test
    void keepsNoBrokenExpression() {
        assertThat(engine.parseUnaryTests(">= (").isLeft()).isTrue();
        assertThat(engine.parseUnaryTests(">= (").isLeft()).isTrue();
        assertThat(engine.cachedEntries()).isZero();
    }

    @Test
    void staysBounded() {
        for (int i = 0; i <= CachingFeelEngine.MAX_ENTRIES; i++) {
            engine.parseUnaryTests(String.valueOf(i));
        }
        assertThat(engine.cachedEntries()).isLessThanOrEqualTo(CachingFeelEngine.MAX_ENTRIES);
    }

    /** Every shipped decision table gives the same answers (or the same failure) with and without the cache. */
    @Test
    void shippedDecisionTablesDecideAsWithoutTheCache() throws Exception {
        DmnEngine stock = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DefaultDmnEngineConfiguration cachingConfiguration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        cachingConfiguration.setFeelEngineFactory(new CachingFeelEngineFactory(new ArrayList<>()));
        DmnEngine caching = cachingConfiguration.buildEngine();
        Random random = new Random(7);
        int compared = 0;
        int decided = 0;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList()) {
                List<DmnDecision> expected;
                List<DmnDecision> actual;
                try (InputStream a = Files.newInputStream(file); InputStream b = Files.newInputStream(file)) {
                    expected = stock.parseDecisions(a);
                    actual = caching.parseDecisions(b);
                }
                for (int d = 0; d < expected.size(); d++) {
                    for (int i = 0; i < 300; i++) {
                        Map<String, Object> variables = randomVariables(random);
                        Object outcome = outcome(stock, expected.get(d), variables);
                        assertThat(outcome(caching, actual.get(d), variables)).as("%s with %s", file, variables)
                                .isEqualTo(outcome);
                        compared++;
                        decided += outcome instanceof List<?> results && !results.isEmpty() ? 1 : 0;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(5 * 300);
        assertThat(decided).as("comparisons where a rule matched").isGreaterThan(compared / 3);
    }

    @Test
    void reportsAFailureLikeTheStockEngine() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setFeelEngineFactory(new CachingFeelEngineFactory(new ArrayList<>()));
        configuration.buildEngine();
        var feel = configuration.getFeelEngine();
        assertThatThrownBy(() -> feel.evaluateSimpleUnaryTests(">= (", "cellInput",
                Variables.createVariables().putValue("cellInput", 1).asVariableContext()))
                .isInstanceOf(FeelException.class);
    }

    private static Object outcome(DmnEngine engine, DmnDecision decision, Map<String, Object> variables) {
        try {
            return engine.evaluateDecision(decision, variables).getResultList();
        } catch (RuntimeException e) {
            return e.getClass().getName();
        }
    }

    /** Values of the kinds the shipped tables read (names from their input columns), each sometimes missing. */
    private static Map<String, Object> randomVariables(Random random) {
        String[] words = {"10k_50k", "above_50k", "INTERESTED", "NOT_INTERESTED", "PRICE", "STOP", "MENU_BOOKING",
                "MENU_LEAD", "MENU_PAYMENT", "MENU_SUPPORT", "ad", "availability", "booking", "business_info",
                "complaint", "faq", "lead", "order_status", "other", "payment", "refund", "reschedule", "support",
                "timings", "today", "unknown", "unsupported", "vendor", "opt_out", "text", "image", "list_reply",
                "button_reply", "true", "something else"};
        Map<String, Object> variables = new HashMap<>();
        for (String name : new String[] {"budgetBand", "buttonAction", "intent", "leadSource", "messageType", "replyId",
                "topic", "existingCustomer"}) {
            if (random.nextInt(6) > 0) {
                variables.put(name, words[random.nextInt(words.length)]);
            }
        }
        for (String name : new String[] {"confidence", "topicConfidence"}) {
            if (random.nextInt(6) > 0) {
                variables.put(name, random.nextDouble());
            }
        }
        for (String name : new String[] {"attempt", "unansweredTries", "invoiceAmount"}) {
            if (random.nextInt(6) > 0) {
                variables.put(name, name.equals("invoiceAmount") ? random.nextInt(200_000) : random.nextInt(5));
            }
        }
        for (String name : new String[] {"declined", "greeting", "interestedWords", "negativeSentiment", "priceQuestion",
                "stopWords", "wantsPerson", "timeline", "existingCustomer"}) {
            if (random.nextInt(6) > 0 && !variables.containsKey(name)) {
                variables.put(name, random.nextBoolean());
            }
        }
        return variables;
    }
}
