package com.whatsappflux.crm;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The contacts one transaction has read. Routing a message and sending a workflow's reply read the same
 * contact several times (look-up, the reply's salutation, the sender's window and opt-out check); each
 * read was a round trip to the database. Lives as long as the transaction and moves out of the way while
 * a nested transaction (REQUIRES_NEW) runs, which reads the database itself.
 */
final class ContactsReadInTransaction implements TransactionSynchronization {

    private static final Object KEY = ContactsReadInTransaction.class;

    private final Map<String, Contact> byCustomerKey = new HashMap<>();

    /** The current transaction's contacts; empty when no transaction is active. */
    static Optional<ContactsReadInTransaction> current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        ContactsReadInTransaction read = (ContactsReadInTransaction) TransactionSynchronizationManager.getResource(KEY);
        if (read == null) {
            read = new ContactsReadInTransaction();
            TransactionSynchronizationManager.bindResource(KEY, read);
            TransactionSynchronizationManager.registerSynchronization(read);
        }
        return Optional.of(read);
    }

    /** Forgets a contact this transaction changes (no transaction: nothing is kept). */
    static void forget(String customerKey) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.getResource(KEY) instanceof ContactsReadInTransaction read) {
            read.byCustomerKey.remove(customerKey);
        }
    }

    Optional<Contact> get(String customerKey) {
        return Optional.ofNullable(byCustomerKey.get(customerKey));
    }

    Contact remember(Contact contact) {
        byCustomerKey.put(contact.customerKey(), contact);
        return contact;
    }

    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResource(KEY);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(KEY, this);
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
    }
}
