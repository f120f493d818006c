package com.whatsappflux.system;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One customer's messages are handled by one thread on one node at a time, so they are handled in order.
 * On PostgreSQL a transaction-scoped advisory lock covers every node of a cluster; the embedded H2
 * default runs a single node, where a lock in this JVM is enough.
 */
@Component
public class CustomerLock {

    private static final int STRIPES = 256;

    private final Database database;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    public CustomerLock(Database database) {
        this.database = database;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Tries to lock the customer until the current transaction ends; false when another worker has it. */
    public boolean tryLockForTransaction(String customerKey) {
        if (database.isPostgres()) {
            Boolean locked = database.jdbc().queryForObject(
                    "SELECT pg_try_advisory_xact_lock(hashtext(?))", Boolean.class, customerKey);
            return Boolean.TRUE.equals(locked);
        }
        ReentrantLock lock = stripes[Math.floorMod(customerKey.hashCode(), STRIPES)];
        if (!lock.tryLock()) {
            return false;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                lock.unlock();
            }
        });
        return true;
    }

    /** {@link #tryLockForTransaction} for several customers, on PostgreSQL in one round trip; answers those locked. */
    public List<String> tryLockAllForTransaction(List<String> customerKeys) {
        if (database.isPostgres()) {
            String rows = String.join(",", Collections.nCopies(customerKeys.size(), "(?)"));
            return database.jdbc().queryForList("SELECT k FROM (VALUES " + rows + ") AS c(k) "
                    + "WHERE pg_try_advisory_xact_lock(hashtext(k))", String.class, customerKeys.toArray());
        }
        return customerKeys.stream().filter(this::tryLockForTransaction).toList();
    }
}
