package com.whatsappflux.business;

import java.sql.Time;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.system.Database;

/**
 * Opening hours and holidays. Answers "are we open?", "when do we open next?" and due dates counted in
 * business time, so a task created at 11 PM is due 30 minutes after opening, not at 11:30 PM.
 * Usable in BPMN expressions as {@code ${businessHours.dueIn('PT30M')}}. The business keeps its hours in the tables
 * {@code business_hours} and {@code business_holiday}; a change applies within {@link #REFRESH}.
 */
@Component("businessHours")
public class BusinessHours {

    /**
     * The hours and holidays are read at most this often: they change a few times a year, and several steps of
     * every message ask for them (a reply out of hours, every task's due date) — two queries each time before.
     */
    static final Duration REFRESH = Duration.ofSeconds(30);

    private final Database db;
    private final BusinessClock clock;
    private final long refreshNanos;
    private volatile Calendar calendar;

    @Autowired
    public BusinessHours(Database db, BusinessClock clock) {
        this(db, clock, REFRESH);
    }

    BusinessHours(Database db, BusinessClock clock, Duration refresh) {
        this.db = db;
        this.clock = clock;
        this.refreshNanos = refresh.toNanos();
    }

    private record Window(LocalTime opens, LocalTime closes) {
    }

    private record Calendar(Map<DayOfWeek, Window> windows, Set<LocalDate> holidays, long readAt) {
    }

    public boolean isOpen() {
        return isOpen(clock.nowInZone());
    }

    public boolean isOpen(ZonedDateTime at) {
        Window w = windows().get(at.getDayOfWeek());
        return w != null && !holidays().contains(at.toLocalDate())
                && !at.toLocalTime().isBefore(w.opens()) && at.toLocalTime().isBefore(w.closes());
    }

    /** Now if open, else the start of the next opening window. */
    public ZonedDateTime nextOpening(ZonedDateTime from) {
        Map<DayOfWeek, Window> windows = windows();
        Set<LocalDate> holidays = holidays();
        if (windows.isEmpty()) {
            return from; // no hours configured: always open
        }
        ZonedDateTime at = from;
        for (int day = 0; day < 370; day++) {
            LocalDate date = at.toLocalDate();
            Window w = windows.get(date.getDayOfWeek());
            if (w != null && !holidays.contains(date)) {
                if (at.toLocalTime().isBefore(w.opens())) {
                    return date.atTime(w.opens()).atZone(from.getZone());
                }
                if (at.toLocalTime().isBefore(w.closes())) {
                    return at;
                }
            }
            at = date.plusDays(1).atStartOfDay(from.getZone());
        }
        return from;
    }

    /** Adds {@code duration} of open time to {@code from}. */
    public ZonedDateTime addBusinessTime(ZonedDateTime from, Duration duration) {
        Map<DayOfWeek, Window> windows = windows();
        if (windows.isEmpty()) {
            return from.plus(duration);
        }
        ZonedDateTime at = nextOpening(from);
        Duration left = duration;
        for (int i = 0; i < 400 && !left.isZero() && !left.isNegative(); i++) {
            Window w = windows.get(at.getDayOfWeek());
            ZonedDateTime close = at.toLocalDate().atTime(w.closes()).atZone(at.getZone());
            Duration available = Duration.between(at, close);
            if (available.compareTo(left) >= 0) {
                return at.plus(left);
            }
            left = left.minus(available);
            at = nextOpening(close);
        }
        return at;
    }

    /** Due date for a task: {@code isoDuration} of business time from now (BPMN: dueDate expressions). */
    public Date dueIn(String isoDuration) {
        return Date.from(addBusinessTime(clock.nowInZone(), Duration.parse(isoDuration)).toInstant());
    }

    public ZonedDateTime nextOpening() {
        return nextOpening(clock.nowInZone());
    }

    private Map<DayOfWeek, Window> windows() {
        return calendar().windows();
    }

    private Set<LocalDate> holidays() {
        return calendar().holidays();
    }

    /** As last read, or read again when older than the refresh interval (real time, not the business clock). */
    private Calendar calendar() {
        Calendar current = calendar;
        long now = System.nanoTime();
        if (current == null || now - current.readAt() >= refreshNanos) {
            current = new Calendar(Map.copyOf(readWindows()), Set.copyOf(readHolidays()), now);
            calendar = current;
        }
        return current;
    }

    private Map<DayOfWeek, Window> readWindows() {
        Map<DayOfWeek, Window> map = new EnumMap<>(DayOfWeek.class);
        db.jdbc().query("SELECT day_of_week, opens_at, closes_at FROM business_hours", rs -> {
            Time opens = rs.getTime("opens_at");
            Time closes = rs.getTime("closes_at");
            if (opens != null && closes != null) {
                map.put(DayOfWeek.of(rs.getInt("day_of_week")), new Window(opens.toLocalTime(), closes.toLocalTime()));
            }
        });
        return map;
    }

    private Set<LocalDate> readHolidays() {
        return new HashSet<>(db.jdbc().query("SELECT holiday_date FROM business_holiday",
                (rs, i) -> rs.getDate(1).toLocalDate()));
    }
}
