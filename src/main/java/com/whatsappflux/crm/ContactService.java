package com.whatsappflux.crm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.system.Database;

/** The contacts table: who the customer is, their language, opt-out, tags and the 24-hour window. */
@Service
public class ContactService {

    private static final String COLUMNS = "id, customer_key, wa_id, user_id, name, language, customer, opted_out, "
            + "unreachable, phone_number_id, first_seen_at, last_inbound_at";

    private final Database db;
    private final BusinessClock clock;

    public ContactService(Database db, BusinessClock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records that the customer wrote: creates the contact on first contact, moves the 24-hour window. */
    @Transactional
    public Contact recordInbound(String waId, String userId, String profileName, String phoneNumberId, Instant sentAt) {
        if (waId != null && userId == null) {
            // the usual message (a phone number, no business-scoped user id): one statement on PostgreSQL instead of
            // a read, a write and a read again — this runs for every message the inbox routes
            Timestamp now = Timestamp.from(clock.now());
            Optional<Contact> upserted = db.upsertReturning("INSERT INTO contact (customer_key, wa_id, name, phone_number_id, "
                    + "first_seen_at, last_inbound_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", "customer_key",
                    "name = COALESCE(EXCLUDED.name, contact.name), wa_id = COALESCE(contact.wa_id, EXCLUDED.wa_id), "
                    + "phone_number_id = EXCLUDED.phone_number_id, updated_at = EXCLUDED.updated_at, last_inbound_at = "
                    + "CASE WHEN contact.last_inbound_at IS NULL OR contact.last_inbound_at < EXCLUDED.last_inbound_at "
                    + "THEN EXCLUDED.last_inbound_at ELSE contact.last_inbound_at END", COLUMNS, this::map,
                    waId, waId, profileName, phoneNumberId, Timestamp.from(sentAt), Timestamp.from(sentAt), now, now);
            if (upserted.isPresent()) {
                return remember(upserted.get());
            }
        }
        String key = waId != null ? waId : userId;
        Optional<Contact> existing = find(key).or(() -> userId == null ? Optional.empty() : findByUserId(userId));
        Timestamp now = Timestamp.from(clock.now());
        if (existing.isEmpty()) {
            db.insertIfAbsent("INSERT INTO contact (customer_key, wa_id, user_id, name, phone_number_id, first_seen_at, "
                    + "last_inbound_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    key, waId, userId, profileName, phoneNumberId, Timestamp.from(sentAt), Timestamp.from(sentAt), now, now);
            return find(key).orElseThrow();
        }
        Contact c = existing.get();
        ContactsReadInTransaction.forget(c.customerKey());
        db.jdbc().update("""
                UPDATE contact SET name = COALESCE(?, name), wa_id = COALESCE(wa_id, ?), user_id = COALESCE(?, user_id),
                    phone_number_id = ?, updated_at = ?,
                    last_inbound_at = CASE WHEN last_inbound_at IS NULL OR last_inbound_at < ? THEN ? ELSE last_inbound_at END
                WHERE id = ?""",
                profileName, waId, userId, phoneNumberId, now, Timestamp.from(sentAt), Timestamp.from(sentAt), c.id());
        return find(c.customerKey()).orElseThrow();
    }

    /** A contact the business knows from elsewhere (an invoice, an order, a campaign list). */
    @Transactional
    public Contact ensure(String waId, String name) {
        Timestamp now = Timestamp.from(clock.now());
        ContactsReadInTransaction.forget(waId);
        db.insertIfAbsent("INSERT INTO contact (customer_key, wa_id, name, first_seen_at, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", waId, waId, name, now, now, now);
        if (name != null) {
            db.jdbc().update("UPDATE contact SET name = COALESCE(name, ?) WHERE customer_key = ?", name, waId);
        }
        return find(waId).orElseThrow();
    }

    public Optional<Contact> find(String customerKey) {
        if (customerKey == null) {
            return Optional.empty();
        }
        Optional<ContactsReadInTransaction> read = ContactsReadInTransaction.current();
        Optional<Contact> known = read.flatMap(r -> r.get(customerKey));
        if (known.isPresent()) {
            return known;
        }
        Optional<Contact> found = db.jdbc().query("SELECT " + COLUMNS + " FROM contact WHERE customer_key = ?", this::map,
                customerKey).stream().findFirst();
        found.ifPresent(c -> read.ifPresent(r -> r.remember(c)));
        return found;
    }

    private static Contact remember(Contact contact) {
        return ContactsReadInTransaction.current().map(r -> r.remember(contact)).orElse(contact);
    }

    public Optional<Contact> findByUserId(String userId) {
        return db.jdbc().query("SELECT " + COLUMNS + " FROM contact WHERE user_id = ?", this::map, userId)
                .stream().findFirst();
    }

    public Contact require(String customerKey) {
        return find(customerKey).orElseThrow(() -> new IllegalArgumentException("Unknown contact " + customerKey));
    }

    public void setLanguage(String customerKey, String language) {
        boolean unchanged = ContactsReadInTransaction.current().flatMap(r -> r.get(customerKey))
                .filter(c -> language != null && language.equals(c.language())).isPresent();
        if (unchanged) {
            return; // the usual case for a returning customer: no write
        }
        ContactsReadInTransaction.forget(customerKey);
        db.jdbc().update("UPDATE contact SET language = ?, updated_at = ? WHERE customer_key = ?",
                language, Timestamp.from(clock.now()), customerKey);
    }

    public void markCustomer(String customerKey) {
        ContactsReadInTransaction.forget(customerKey);
        db.jdbc().update("UPDATE contact SET customer = TRUE, updated_at = ? WHERE customer_key = ?",
                Timestamp.from(clock.now()), customerKey);
    }

    public void markUnreachable(String customerKey) {
        ContactsReadInTransaction.forget(customerKey);
        db.jdbc().update("UPDATE contact SET unreachable = TRUE, updated_at = ? WHERE customer_key = ?",
                Timestamp.from(clock.now()), customerKey);
    }

    /** Stops all marketing to this contact; answers whether it was opted in before (confirm only once). */
    @Transactional
    public boolean optOut(String customerKey, String source) {
        Timestamp now = Timestamp.from(clock.now());
        ensureKnown(customerKey);
        ContactsReadInTransaction.forget(customerKey);
        int changed = db.jdbc().update("UPDATE contact SET opted_out = TRUE, opted_out_at = ?, updated_at = ? "
                + "WHERE customer_key = ? AND opted_out = FALSE", now, now, customerKey);
        addTag(customerKey, "opted-out:" + source);
        return changed > 0;
    }

    public void optIn(String customerKey) {
        ContactsReadInTransaction.forget(customerKey);
        db.jdbc().update("UPDATE contact SET opted_out = FALSE, opted_out_at = NULL, updated_at = ? WHERE customer_key = ?",
                Timestamp.from(clock.now()), customerKey);
    }

    public void addTag(String customerKey, String tag) {
        find(customerKey).ifPresent(c -> db.insertIfAbsent(
                "INSERT INTO contact_tag (contact_id, tag, tagged_at) VALUES (?, ?, ?)",
                c.id(), tag.length() > 64 ? tag.substring(0, 64) : tag, Timestamp.from(clock.now())));
    }

    public List<String> tags(String customerKey) {
        return db.jdbc().queryForList("SELECT t.tag FROM contact_tag t JOIN contact c ON c.id = t.contact_id "
                + "WHERE c.customer_key = ? ORDER BY t.tag", String.class, customerKey);
    }

    private void ensureKnown(String customerKey) {
        if (find(customerKey).isEmpty()) {
            ensure(customerKey, null);
        }
    }

    private Contact map(ResultSet rs, int row) throws SQLException {
        return new Contact(rs.getLong("id"), rs.getString("customer_key"), rs.getString("wa_id"),
                rs.getString("user_id"), rs.getString("name"), rs.getString("language"), rs.getBoolean("customer"),
                rs.getBoolean("opted_out"), rs.getBoolean("unreachable"), rs.getString("phone_number_id"),
                instant(rs.getTimestamp("first_seen_at")), instant(rs.getTimestamp("last_inbound_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
