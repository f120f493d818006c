package com.whatsappflux.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.system.Database;

/**
 * Bookings on the business calendar. The guarantee against double booking is the database's: holding a
 * slot inserts one booking_occupied_slot row per granule (unique per resource, granule, seat) in its own
 * transaction; whoever inserts second gets nothing and is told {@link SlotTakenException}.
 */
@Service
public class BookingService {

    private static final String SELECT = "SELECT b.id, b.wa_id, b.customer_name, b.service_id, s.name AS service_name, "
            + "b.resource_id, r.name AS resource_name, b.starts_at, b.ends_at, b.status, b.source, b.hold_expires_at, "
            + "b.process_instance_id, b.note FROM booking b JOIN booking_service s ON s.id = b.service_id "
            + "JOIN booking_resource r ON r.id = b.resource_id ";

    private final Database db;
    private final BookingCalendarRepository calendars;
    private final BusinessClock clock;
    private final TransactionTemplate ownTransaction;

    public BookingService(Database db, BookingCalendarRepository calendars, BusinessClock clock,
                          PlatformTransactionManager transactions) {
        this.db = db;
        this.calendars = calendars;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public BusinessCalendar calendar() {
        return calendars.load();
    }

    /** The slots to offer for a service and what the customer asked for. */
    public SlotFinder.Offer offer(long serviceId, PreferredTime preference) {
        BusinessCalendar calendar = calendars.load();
        BusinessCalendar.Service service = calendar.service(serviceId)
                .orElseThrow(() -> new IllegalArgumentException("no active service " + serviceId));
        Instant now = clock.now();
        Map<String, Integer> taken = occupancy(now, now.plus(Duration.ofDays(calendar.settings().horizonDays() + 1L)));
        return SlotFinder.offer(calendar, service, preference, now,
                (resource, granule) -> taken.getOrDefault(resource + "@" + granule.getEpochSecond(), 0));
    }

    /**
     * Holds the slot for the hold time (settings) in its own committed transaction, so that a second
     * customer sees it taken at once. Throws {@link SlotTakenException} when somebody else was first.
     */
    public long hold(String waId, String customerName, long serviceId, Slot slot, String processInstanceId) {
        BusinessCalendar calendar = calendars.load();
        Instant expires = clock.now().plus(Duration.ofMinutes(calendar.settings().holdMinutes()));
        return occupy(calendar, waId, customerName, serviceId, slot, Booking.HELD, expires, "whatsapp", processInstanceId, null);
    }

    /**
     * Turns the hold into a booking. A hold that lapsed is still confirmed while nobody took its slot
     * (its rows are only removed when somebody else needs them); otherwise {@link SlotTakenException}.
     */
    public Booking confirm(long bookingId) {
        int updated = db.jdbc().update("UPDATE booking SET status = ?, hold_expires_at = NULL, updated_at = ? "
                + "WHERE id = ? AND status = ?", Booking.CONFIRMED, Timestamp.from(clock.now()), bookingId, Booking.HELD);
        if (updated == 0) {
            throw new SlotTakenException("hold " + bookingId + " is no longer held");
        }
        return find(bookingId).orElseThrow();
    }

    /** A walk-in or a booking staff make for a customer: confirmed at once, same constraint. */
    public long bookDirectly(String waId, String customerName, long serviceId, long resourceId, Instant start, String note) {
        BusinessCalendar calendar = calendars.load();
        BusinessCalendar.Service service = calendar.service(serviceId)
                .orElseThrow(() -> new IllegalArgumentException("no active service " + serviceId));
        Slot slot = new Slot(resourceId, start, start.plus(Duration.ofMinutes(service.durationMinutes())));
        return occupy(calendar, waId, customerName, serviceId, slot, Booking.CONFIRMED, null, "walk-in", null, note);
    }

    /** Frees the slot and closes the booking with the given status (CANCELLED, RESCHEDULED, EXPIRED, RELEASED). */
    public boolean release(long bookingId, String status) {
        db.jdbc().update("DELETE FROM booking_occupied_slot WHERE booking_id = ?", bookingId);
        return db.jdbc().update("UPDATE booking SET status = ?, hold_expires_at = NULL, updated_at = ? WHERE id = ? "
                + "AND status IN (?, ?)", status, Timestamp.from(clock.now()), bookingId, Booking.HELD, Booking.CONFIRMED) > 0;
    }

    /** After the appointment: attended or no-show (the slot stays in the history, it is in the past). */
    public void markAttendance(long bookingId, boolean attended) {
        db.jdbc().update("UPDATE booking SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
                attended ? Booking.ATTENDED : Booking.NO_SHOW, Timestamp.from(clock.now()), bookingId, Booking.CONFIRMED);
    }

    public void attachProcess(long bookingId, String processInstanceId) {
        db.jdbc().update("UPDATE booking SET process_instance_id = ? WHERE id = ?", processInstanceId, bookingId);
    }

    public Optional<Booking> find(long id) {
        return db.jdbc().query(SELECT + "WHERE b.id = ?", BookingService::map, id).stream().findFirst();
    }

    /** A day's bookings (not lapsed holds or released slots), in start order. */
    public List<Booking> day(LocalDate date) {
        Instant from = date.atStartOfDay(clock.zone()).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(clock.zone()).toInstant();
        return db.jdbc().query(SELECT + "WHERE b.starts_at >= ? AND b.starts_at < ? AND b.status IN (?, ?, ?, ?, ?) "
                + "ORDER BY b.starts_at, r.name", BookingService::map, Timestamp.from(from), Timestamp.from(to),
                Booking.HELD, Booking.CONFIRMED, Booking.ATTENDED, Booking.NO_SHOW, Booking.CANCELLED);
    }

    public long countUpcoming(String waId) {
        Long count = db.jdbc().queryForObject("SELECT COUNT(*) FROM booking WHERE wa_id = ? AND status = ? AND starts_at > ?",
                Long.class, waId, Booking.CONFIRMED, Timestamp.from(clock.now()));
        return count == null ? 0 : count;
    }

    /** The customer's next confirmed appointment, if any. */
    public Optional<Booking> nextFor(String waId) {
        return db.jdbc().query(SELECT + "WHERE b.wa_id = ? AND b.status = ? AND b.starts_at > ? ORDER BY b.starts_at",
                BookingService::map, waId, Booking.CONFIRMED, Timestamp.from(clock.now())).stream().findFirst();
    }

    private long occupy(BusinessCalendar calendar, String waId, String customerName, long serviceId, Slot slot, String status,
                        Instant holdExpires, String source, String processInstanceId, String note) {
        BusinessCalendar.Resource resource = calendar.resource(slot.resourceId())
                .orElseThrow(() -> new IllegalArgumentException("no active resource " + slot.resourceId()));
        List<Instant> granules = SlotFinder.granules(calendar, slot.start(), slot.end());
        try {
            Long id = ownTransaction.execute(tx -> {
                Instant now = clock.now();
                freeLapsedHolds(resource.id(), granules, now);
                long bookingId = db.insertReturningId("INSERT INTO booking (wa_id, customer_name, service_id, resource_id, "
                        + "starts_at, ends_at, status, hold_expires_at, source, process_instance_id, note, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", waId, customerName, serviceId, resource.id(),
                        Timestamp.from(slot.start()), Timestamp.from(slot.end()), status,
                        holdExpires == null ? null : Timestamp.from(holdExpires), source, processInstanceId, note,
                        Timestamp.from(now), Timestamp.from(now));
                for (Instant granule : granules) {
                    if (!takeSeat(resource, granule, bookingId)) {
                        tx.setRollbackOnly();
                        return null;
                    }
                }
                return bookingId;
            });
            if (id == null) {
                throw new SlotTakenException("slot " + slot.rowId() + " is taken");
            }
            return id;
        } catch (DataAccessException raceLost) {
            // H2 may report the losing concurrent insert as a lock/concurrency failure rather than a duplicate
            throw new SlotTakenException("slot " + slot.rowId() + " is taken (" + raceLost.getClass().getSimpleName() + ")");
        }
    }

    private boolean takeSeat(BusinessCalendar.Resource resource, Instant granule, long bookingId) {
        for (int seat = 1; seat <= resource.capacity(); seat++) {
            if (db.insertIfAbsent("INSERT INTO booking_occupied_slot (resource_id, slot_start, seat, booking_id) VALUES (?, ?, ?, ?)",
                    resource.id(), Timestamp.from(granule), seat, bookingId)) {
                return true;
            }
        }
        return false;
    }

    /** Holds that lapsed give their granules back when somebody needs them. */
    private void freeLapsedHolds(long resourceId, List<Instant> granules, Instant now) {
        if (granules.isEmpty()) {
            return;
        }
        List<Long> lapsed = db.jdbc().queryForList("SELECT DISTINCT b.id FROM booking b JOIN booking_occupied_slot o "
                + "ON o.booking_id = b.id WHERE o.resource_id = ? AND o.slot_start >= ? AND o.slot_start <= ? "
                + "AND b.status = ? AND b.hold_expires_at < ?", Long.class, resourceId, Timestamp.from(granules.get(0)),
                Timestamp.from(granules.get(granules.size() - 1)), Booking.HELD, Timestamp.from(now));
        for (Long id : lapsed) {
            release(id, Booking.EXPIRED);
        }
    }

    /** Taken seats per resource and granule ("resource@epochSecond"), lapsed holds not counted. */
    private Map<String, Integer> occupancy(Instant from, Instant to) {
        Map<String, Integer> taken = new HashMap<>();
        db.jdbc().query("SELECT o.resource_id, o.slot_start FROM booking_occupied_slot o JOIN booking b ON b.id = o.booking_id "
                + "WHERE o.slot_start >= ? AND o.slot_start < ? AND NOT (b.status = ? AND b.hold_expires_at < ?)", rs -> {
                    taken.merge(rs.getLong(1) + "@" + rs.getTimestamp(2).toInstant().getEpochSecond(), 1, Integer::sum);
                }, Timestamp.from(from.minus(Duration.ofDays(1))), Timestamp.from(to), Booking.HELD, Timestamp.from(from));
        return taken;
    }

    private static Booking map(ResultSet rs, int i) throws SQLException {
        Timestamp hold = rs.getTimestamp("hold_expires_at");
        return new Booking(rs.getLong("id"), rs.getString("wa_id"), rs.getString("customer_name"), rs.getLong("service_id"),
                rs.getString("service_name"), rs.getLong("resource_id"), rs.getString("resource_name"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getString("status"),
                rs.getString("source"), hold == null ? null : hold.toInstant(), rs.getString("process_instance_id"),
                rs.getString("note"));
    }
}
