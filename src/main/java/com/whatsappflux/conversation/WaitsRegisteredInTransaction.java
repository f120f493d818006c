package com.whatsappflux.conversation;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The process instances that registered a wait for an answer in the current transaction. Kept among the
 * transaction's synchronizations, so it ends with the transaction; without one nothing can be told and
 * {@link #surelyNone} answers false.
 */
final class WaitsRegisteredInTransaction implements TransactionSynchronization {

    private final Set<String> processInstanceIds = new HashSet<>();

    static void record(String processInstanceId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        WaitsRegisteredInTransaction registered = existing().orElseGet(() -> {
            WaitsRegisteredInTransaction created = new WaitsRegisteredInTransaction();
            TransactionSynchronizationManager.registerSynchronization(created);
            return created;
        });
        registered.processInstanceIds.add(processInstanceId);
    }

    /** True only when a transaction is active and the instance registered nothing in it. */
    static boolean surelyNone(String processInstanceId) {
        return TransactionSynchronizationManager.isSynchronizationActive()
                && existing().map(registered -> !registered.processInstanceIds.contains(processInstanceId)).orElse(true);
    }

    private static Optional<WaitsRegisteredInTransaction> existing() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof WaitsRegisteredInTransaction registered) {
                return Optional.of(registered);
            }
        }
        return Optional.empty();
    }
}
