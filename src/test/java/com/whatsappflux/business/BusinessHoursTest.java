package com.whatsappflux.business;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.system.Database;

/** Opening hours and holidays as the tables say, read again once the refresh interval has passed. */
class BusinessHoursTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    /** A Monday. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    private JdbcTemplate jdbc;
    private Database db;

    @BeforeEach
    void setUp() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:business-hours-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(h2);
        jdbc.execute("CREATE TABLE business_hours (day_of_week INT NOT NULL PRIMARY KEY, opens_at TIME, closes_at TIME)");
        jdbc.execute("CREATE TABLE business_holiday (holiday_date DATE NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL)");
        for (int day = 1; day <= 6; day++) {
            jdbc.update("INSERT INTO business_hours VALUES (?, TIME '10:00:00', TIME '19:00:00')", day);
        }
        jdbc.update("INSERT INTO business_hours VALUES (7, NULL, NULL)");
        db = new Database(jdbc, h2);
    }

    @Test
    void openWithinTheDaysWindow_closedOnSundaysAndHolidays() {
        BusinessHours hours = new BusinessHours(db, new BusinessClock("Asia/Kolkata"), Duration.ZERO);
        assertThat(hours.isOpen(at(MONDAY, 11))).isTrue();
        assertThat(hours.isOpen(at(MONDAY, 9))).isFalse();
        assertThat(hours.isOpen(at(MONDAY.plusDays(6), 11))).isFalse(); // Sunday

        jdbc.update("INSERT INTO business_holiday VALUES (?, 'Diwali')", Date.valueOf(MONDAY));
        assertThat(hours.isOpen(at(MONDAY, 11))).isFalse();
        assertThat(hours.nextOpening(at(MONDAY, 11))).isEqualTo(at(MONDAY.plusDays(1), 10));
    }

    @Test
    void aChangeIsSeenOnceTheRefreshIntervalHasPassed_notBefore() {
        BusinessHours cached = new BusinessHours(db, new BusinessClock("Asia/Kolkata"), Duration.ofHours(1));
        assertThat(cached.isOpen(at(MONDAY, 11))).isTrue(); // read now, kept for an hour

        jdbc.update("INSERT INTO business_holiday VALUES (?, 'Diwali')", Date.valueOf(MONDAY));
        jdbc.update("UPDATE business_hours SET opens_at = TIME '12:00:00' WHERE day_of_week = 2");
        assertThat(cached.isOpen(at(MONDAY, 11))).as("within the interval: as read").isTrue();

        BusinessHours fresh = new BusinessHours(db, new BusinessClock("Asia/Kolkata"), Duration.ZERO);
        assertThat(fresh.isOpen(at(MONDAY, 11))).isFalse();
        assertThat(fresh.isOpen(at(MONDAY.plusDays(1), 11))).isFalse(); // Tuesday now opens at noon
        assertThat(fresh.addBusinessTime(at(MONDAY.plusDays(1), 8), Duration.ofMinutes(30)))
                .isEqualTo(at(MONDAY.plusDays(1), 12).plusMinutes(30));
    }

    private static ZonedDateTime at(LocalDate date, int hour) {
        return date.atTime(hour, 0).atZone(KOLKATA);
    }
}
