package com.whatsappflux.business;

import java.math.BigDecimal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.whatsappflux.config.IdentitySetup;
import com.whatsappflux.config.StaffGroups;
import com.whatsappflux.system.Database;

/**
 * Demo profile only: staff logins for every group and a sample business (an electronics and home
 * appliance shop in Bengaluru) so every workflow can be tried at once. Adds only what is missing.
 */
@Component
@Profile("demo")
@Order(20)
public class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final IdentitySetup identity;
    private final BusinessProfileService profiles;
    private final Database db;
    private final String password;

    public DemoDataLoader(IdentitySetup identity, BusinessProfileService profiles, Database db,
                          @Value("${flux.demo.password:demo}") String password) {
        this.identity = identity;
        this.profiles = profiles;
        this.db = db;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        identity.ensureUser("priya", "Priya", "Sharma", password, StaffGroups.SALES);
        identity.ensureUser("rahul", "Rahul", "Verma", password, StaffGroups.SALES);
        identity.ensureUser("anita", "Anita", "Iyer", password, StaffGroups.ACCOUNTS);
        identity.ensureUser("karthik", "Karthik", "Raman", password, StaffGroups.SUPPORT);
        identity.ensureUser("meena", "Meena", "Joshi", password, StaffGroups.FRONT_DESK);
        identity.ensureUser("vikram", "Vikram", "Mehta", password, StaffGroups.MANAGERS);

        if (db.jdbc().queryForObject("SELECT COUNT(*) FROM business_profile", Integer.class) == 0) {
            profiles.save(new BusinessProfile("Sai Electronics & Home", "12, 4th Cross, Jayanagar 4th Block, Bengaluru 560011",
                    "https://maps.google.com/?q=12.9293,77.5825", "+91 80 4000 1234", "saielectronics@okicici",
                    "https://saielectronics.example.in"));
        }
        if (db.jdbc().queryForObject("SELECT COUNT(*) FROM business_hours", Integer.class) == 0) {
            for (int day = 1; day <= 6; day++) {
                db.jdbc().update("INSERT INTO business_hours (day_of_week, opens_at, closes_at) VALUES (?, ?, ?)",
                        day, java.sql.Time.valueOf("10:00:00"), java.sql.Time.valueOf("20:00:00"));
            }
            db.jdbc().update("INSERT INTO business_hours (day_of_week, opens_at, closes_at) VALUES (7, NULL, NULL)");
            db.jdbc().update("INSERT INTO business_holiday (holiday_date, name) VALUES (?, ?)",
                    java.sql.Date.valueOf("2026-12-25"), "Christmas");
            db.jdbc().update("INSERT INTO business_holiday (holiday_date, name) VALUES (?, ?)",
                    java.sql.Date.valueOf("2027-01-26"), "Republic Day");
        }
        if (db.jdbc().queryForObject("SELECT COUNT(*) FROM product", Integer.class) == 0) {
            product("TV-43-4K", "43 inch 4K Smart TV", "Television", "tv,led tv,smart tv,टीवी,டிவி", "28990", "piece", 12, "43 inch,50 inch");
            product("TV-55-4K", "55 inch 4K Smart TV", "Television", "tv,led tv,smart tv,टीवी,டிவி", "42990", "piece", 0, "55 inch");
            product("AC-15-INV", "1.5 ton Inverter AC", "Air conditioner", "ac,air conditioner,एसी,ஏசி", "36500", "piece", 7, "3 star,5 star");
            product("FR-260-DD", "260 L Double Door Fridge", "Refrigerator", "fridge,refrigerator,फ्रिज,ஃப்ரிட்ஜ்", "24990", "piece", 4, "silver,red");
            product("WM-7-FL", "7 kg Front Load Washing Machine", "Washing machine", "washing machine,वॉशिंग मशीन", "31990", "piece", 3, null);
            product("MX-750", "750 W Mixer Grinder", "Kitchen", "mixer,mixie,grinder,मिक्सी,மிக்ஸி", "3499", "piece", 25, "3 jars,4 jars");
        }
        log.info("Demo data ready: staff logins priya, rahul (sales), anita (accounts), karthik (support), "
                + "meena (front-desk), vikram (managers); password '{}'", password);
    }

    private void product(String sku, String name, String category, String keywords, String price, String unit, int stock,
                         String variants) {
        db.jdbc().update("INSERT INTO product (sku, name, category, keywords, price, unit, stock, variants) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", sku, name, category, keywords, new BigDecimal(price), unit, stock, variants);
    }
}
