package com.whatsappflux.intake;

import static org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration.JobConfiguration.CAMUNDA_TASK_EXECUTOR_QUALIFIER;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskExecutor;

import io.micrometer.core.instrument.MeterRegistry;

import com.whatsappflux.whatsapp.ReadReceipts;

/**
 * Puts {@link InboxFirstTaskExecutor} between Camunda's job acquisition and its job threads (the starter's
 * {@code camundaTaskExecutor}). {@code flux.intake.job-batches-while-backlogged} (default 1) sets how many batches
 * of jobs may run while the inbox is backlogged, 0 turns the rule off; {@code flux.intake.job-max-hold} (default 5 s)
 * is the longest a batch is held back.
 */
@Configuration(proxyBeanMethods = false)
public class InboxFirstConfiguration {

    @Bean
    static BeanPostProcessor inboxFirstJobExecution(Environment environment, ObjectProvider<InboxBacklog> backlog,
                                                    ObjectProvider<MeterRegistry> meters) {
        int batches = environment.getProperty("flux.intake.job-batches-while-backlogged", Integer.class, 1);
        Duration maxHold = environment.getProperty("flux.intake.job-max-hold", Duration.class, Duration.ofSeconds(5));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (batches <= 0 || !CAMUNDA_TASK_EXECUTOR_QUALIFIER.equals(beanName) || !(bean instanceof TaskExecutor jobThreads)) {
                    return bean;
                }
                // the pool itself stays the registered bean's target: Spring still shuts it down with the context
                return new InboxFirstTaskExecutor(jobThreads, backlog.getObject(), batches, maxHold, meters.getObject());
            }
        };
    }

    /**
     * Inbox first for blue ticks too: while customers wait for an inbox worker, read receipts wait, none longer than
     * {@code flux.intake.read-receipt-max-hold} (default 30 s; 0: never held back).
     */
    @Bean
    SmartInitializingSingleton readReceiptsAfterRouting(Environment environment, ReadReceipts receipts, InboxBacklog backlog) {
        Duration maxHold = environment.getProperty("flux.intake.read-receipt-max-hold", Duration.class, Duration.ofSeconds(30));
        return () -> receipts.holdWhile(backlog::isBacklogged, maxHold);
    }
}
