package com.whatsappflux.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.whatsappflux.testing.FluxIntegrationTest;

/** What every routed message does to its contact, on H2 and on PostgreSQL (where it is a single upsert). */
class ContactServiceIntegrationTest extends FluxIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @Autowired
    private ContactService contacts;
    @Autowired
    private PlatformTransactionManager transactionManager;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aFirstMessageCreatesTheContact() {
        String waId = newCustomer();
        Contact created = contacts.recordInbound(waId, null, "Asha", PHONE_NUMBER_ID, T0);

        assertThat(created.customerKey()).isEqualTo(waId);
        assertThat(created.waId()).isEqualTo(waId);
        assertThat(created.name()).isEqualTo("Asha");
        assertThat(created.phoneNumberId()).isEqualTo(PHONE_NUMBER_ID);
        assertThat(created.firstSeenAt()).isEqualTo(T0);
        assertThat(created.lastInboundAt()).isEqualTo(T0);
        assertThat(contacts.find(waId)).contains(created);
    }

    @Test
    void laterMessagesMoveTheWindowForward_keepTheNameWhenNoneCame_andFollowTheNumberWrittenTo() {
        String waId = newCustomer();
        Contact first = contacts.recordInbound(waId, null, "Asha", PHONE_NUMBER_ID, T0);

        Contact later = contacts.recordInbound(waId, null, null, SECOND_PHONE_NUMBER_ID, T0.plusSeconds(60));
        assertThat(later.id()).isEqualTo(first.id());
        assertThat(later.name()).isEqualTo("Asha");
        assertThat(later.phoneNumberId()).isEqualTo(SECOND_PHONE_NUMBER_ID);
        assertThat(later.firstSeenAt()).isEqualTo(T0);
        assertThat(later.lastInboundAt()).isEqualTo(T0.plusSeconds(60));

        // a message delivered late (sent before the last one) never moves the 24-hour window back
        Contact late = contacts.recordInbound(waId, null, "Asha Rao", SECOND_PHONE_NUMBER_ID, T0.plusSeconds(30));
        assertThat(late.lastInboundAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(late.name()).isEqualTo("Asha Rao");
        assertThat(contacts.find(waId)).contains(late);
    }

    @Test
    void aContactKnownFromElsewhereGetsItsWindowWithTheFirstMessage() {
        String waId = newCustomer();
        Contact known = contacts.ensure(waId, "Ravi (invoice)");
        assertThat(known.lastInboundAt()).isNull();

        Contact wrote = contacts.recordInbound(waId, null, null, PHONE_NUMBER_ID, T0);
        assertThat(wrote.id()).isEqualTo(known.id());
        assertThat(wrote.name()).isEqualTo("Ravi (invoice)");
        assertThat(wrote.lastInboundAt()).isEqualTo(T0);
    }

    @Test
    void aCustomerKnownByTheirUserIdKeepsOneContactWhenTheNumberArrives() {
        String waId = newCustomer();
        String userId = "IN.bsuid." + waId;
        Contact byUserId = contacts.recordInbound(null, userId, "Meera", PHONE_NUMBER_ID, T0);
        assertThat(byUserId.customerKey()).isEqualTo(userId);

        Contact withNumber = contacts.recordInbound(waId, userId, null, PHONE_NUMBER_ID, T0.plusSeconds(5));
        assertThat(withNumber.id()).isEqualTo(byUserId.id());
        assertThat(withNumber.waId()).isEqualTo(waId);
        assertThat(withNumber.lastInboundAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void oneTransactionReadsAContactOnce_seesItsOwnChanges_andANestedTransactionReadsTheDatabase() {
        String waId = newCustomer();
        contacts.recordInbound(waId, null, "Asha", PHONE_NUMBER_ID, T0);
        TransactionTemplate outer = new TransactionTemplate(transactionManager);
        TransactionTemplate nested = new TransactionTemplate(transactionManager);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        outer.executeWithoutResult(tx -> {
            assertThat(contacts.find(waId).orElseThrow().name()).isEqualTo("Asha");
            // renamed behind the service's back and committed: this transaction keeps the contact it read
            nested.executeWithoutResult(t -> jdbc.update("UPDATE contact SET name = 'Asha R' WHERE customer_key = ?", waId));
            assertThat(contacts.find(waId).orElseThrow().name()).isEqualTo("Asha");

            // what it changes itself, it reads back
            contacts.setLanguage(waId, "hi");
            contacts.optOut(waId, "test");
            Contact changed = contacts.find(waId).orElseThrow();
            assertThat(changed.language()).isEqualTo("hi");
            assertThat(changed.optedOut()).isTrue();
            assertThat(changed.name()).isEqualTo("Asha R");

            // a nested transaction reads the database: the outer change is not committed yet
            nested.executeWithoutResult(t -> assertThat(contacts.find(waId).orElseThrow().optedOut()).isFalse());
            assertThat(contacts.find(waId).orElseThrow().optedOut()).isTrue();
        });
        assertThat(contacts.find(waId).orElseThrow().optedOut()).isTrue();
        assertThat(contacts.find(waId).orElseThrow().language()).isEqualTo("hi");
    }
}
