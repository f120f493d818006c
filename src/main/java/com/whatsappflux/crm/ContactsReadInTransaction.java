package com.whatsappflux.crm;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The contacts one transaction has read. Routing a message and sending a workflow's reply read the same
 * contact several times (look-up, the reply's salutation, the sender's window and opt-out check); each
 * read was a round trip to the database. Kept among the transaction's synchronizations, so it ends with the
 * transaction and a nested transaction (REQUIRES_NEW) starts without it and reads the database itself.
 */
final class ContactsReadInTransaction implements TransactionSynchronization {

    private final Map<String, Contact> byCustomerKey = new HashMap<>();

    /** The current transaction's contacts; empty when no transaction is active. */
    static Optional<ContactsReadInTransaction> current() {
        Optional<ContactsReadInTransaction> existing = existing();
        if (existing.isPresent() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return existing;
        }
        ContactsReadInTransaction read = new ContactsReadInTransaction();
        TransactionSynchronizationManager.registerSynchronization(read);
        return Optional.of(read);
    }

    /** Forgets a contact this transaction changes (no transaction: nothing is kept). */
    static void forget(String customerKey) {
        existing().ifPresent(read -> read.byCustomerKey.remove(customerKey));
    }

    private static Optional<ContactsReadInTransaction> existing() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof ContactsReadInTransaction read) {
                return Optional.of(read);
            }
        }
        return Optional.empty();
    }

    Optional<Contact> get(String customerKey) {
        return Optional.ofNullable(byCustomerKey.get(customerKey));
    }

    Contact remember(Contact contact) {
        byCustomerKey.put(contact.customerKey(), contact);
        return contact;
    }
}
