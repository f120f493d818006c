package com.whatsappflux.support;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo profile: the sample shop's knowledge base (support/demo-faq.tsv). Adds only the entries that are missing. */
@Component
@Profile("demo")
@Order(31)
class SupportDemoData implements ApplicationRunner {

    private final KnowledgeBase knowledgeBase;

    SupportDemoData(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    @Override
    public void run(ApplicationArguments args) {
        DemoFaq.entries().forEach(knowledgeBase::ensure);
    }
}
