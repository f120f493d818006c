package com.whatsappflux.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

class TransientFailureTest {

    @Test
    void theDatabaseAwayOrALockConflictIsPassing() {
        assertThat(TransientFailure.is(new CannotGetJdbcConnectionException("pool timed out",
                new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(TransientFailure.is(new ProcessEngineException("flush failed",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(TransientFailure.is(new UncategorizedSQLException("update", "UPDATE x",
                new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(TransientFailure.is(new OptimisticLockingException("entity was updated by another transaction"))).isTrue();
    }

    @Test
    void bugsAndBadDataAreNot() {
        assertThat(TransientFailure.is(new IllegalStateException("no such workflow"))).isFalse();
        assertThat(TransientFailure.is(new UncategorizedSQLException("insert", "INSERT x",
                new SQLException("value too long for type character varying(64)", "22001")))).isFalse();
        assertThat(TransientFailure.is(new ProcessEngineException("Unknown property used in expression"))).isFalse();
    }
}
