package com.whatsappflux.business;

import org.springframework.stereotype.Service;

import com.whatsappflux.system.Database;

/** Reads and writes the single business profile row. */
@Service
public class BusinessProfileService {

    private final Database db;

    public BusinessProfileService(Database db) {
        this.db = db;
    }

    public BusinessProfile profile() {
        return db.jdbc().query("SELECT name, address, map_url, phone, upi_vpa, website FROM business_profile WHERE id = 1",
                (rs, i) -> new BusinessProfile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))).stream().findFirst()
                .orElse(new BusinessProfile("Our business", null, null, null, null, null));
    }

    public void save(BusinessProfile p) {
        int updated = db.jdbc().update("UPDATE business_profile SET name = ?, address = ?, map_url = ?, phone = ?, "
                + "upi_vpa = ?, website = ? WHERE id = 1", p.name(), p.address(), p.mapUrl(), p.phone(), p.upiVpa(), p.website());
        if (updated == 0) {
            db.jdbc().update("INSERT INTO business_profile (id, name, address, map_url, phone, upi_vpa, website) "
                    + "VALUES (1, ?, ?, ?, ?, ?, ?)", p.name(), p.address(), p.mapUrl(), p.phone(), p.upiVpa(), p.website());
        }
    }
}
