package io.gb32960.standalone;

import io.gb32960.admin.platform.PlatformAccountForm;
import io.gb32960.admin.platform.PlatformAccountService;
import io.gb32960.admin.vehicle.VehicleForm;
import io.gb32960.admin.vehicle.VehicleService;
import io.gb32960.admin.vehicle.Vin;
import io.gb32960.simulator.sim.VehicleIdentity;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a new user finds in the admin backend: a demo supplier with its user and T-Box model, the
 * platform account the demo terminals log in with, and the demo vehicles, made through the admin
 * backend's own services (so they are in MySQL and mirrored to the Redis registry) and kept on
 * later starts. The audit log names {@value #ACTOR} as who made them.
 */
final class DemoData {

    static final String ACTOR = "standalone";
    static final String SUPPLIER_CODE = "DEMO";
    static final String SUPPLIER_USER = "supplier";
    static final String TERMINAL_MODEL = "DEMO-TBOX";
    static final String ACCOUNT = "demo";
    static final String FIRMWARE = "1.0.0";
    static final String HARDWARE = "HW1";

    private final ConfigurableApplicationContext admin;
    private final JdbcTemplate jdbc;

    DemoData(ConfigurableApplicationContext admin) {
        this.admin = admin;
        this.jdbc = admin.getBean(JdbcTemplate.class);
    }

    /**
     * Demo VIN number {@code n} (from 1): WMI {@code LDE}, descriptor {@code MV000}, a check digit per GB 16735, model year
     * R, serial {@code n}.
     */
    static String vin(int n) {
        return Vin.withCheckDigit(String.format("LDEMV0000R1%06d", n));
    }

    /** The demo supplier's user with {@code password}; returns false when it exists already. */
    boolean createSupplier(String password) {
        jdbc.update("INSERT IGNORE INTO supplier (code, name, contact) VALUES (?, ?, ?)", SUPPLIER_CODE,
                "Demo T-Box supplier", "supplier@example.com");
        long supplier = jdbc.queryForObject("SELECT id FROM supplier WHERE code = ?", Long.class, SUPPLIER_CODE);
        jdbc.update("INSERT IGNORE INTO terminal_model (code, name, supplier_id) VALUES (?, ?, ?)", TERMINAL_MODEL,
                "Demo T-Box", supplier);
        if (jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = ?", Long.class, SUPPLIER_USER) > 0) {
            return false;
        }
        String hash = admin.getBean(PasswordEncoder.class).encode(password);
        jdbc.update("INSERT INTO app_user (username, password_hash, display_name, supplier_id, enabled) VALUES (?, ?, ?, ?, 1)",
                SUPPLIER_USER, hash, "Demo supplier", supplier);
        jdbc.update("INSERT INTO app_user_role (user_id, role_id) SELECT u.id, r.id FROM app_user u, app_role r"
                + " WHERE u.username = ? AND r.code = 'SUPPLIER'", SUPPLIER_USER);
        return true;
    }

    /** The platform account and vehicles 1..count (those missing), all enabled; returns the fleet. */
    List<VehicleIdentity> ensureFleet(String accountPassword, int count) {
        var auth = SecurityContextHolder.getContext();
        auth.setAuthentication(new UsernamePasswordAuthenticationToken(ACTOR, null, List.of()));
        try {
            PlatformAccountService accounts = admin.getBean(PlatformAccountService.class);
            if (accounts.account(ACCOUNT).isEmpty()) {
                accounts.create(new PlatformAccountForm(ACCOUNT, "Demo terminals", accountPassword, true));
            }
            VehicleService vehicles = admin.getBean(VehicleService.class);
            java.util.Set<String> existing = new java.util.HashSet<>(jdbc.queryForList("SELECT vin FROM vehicle WHERE vin LIKE 'LDEMV%'", String.class));
            List<VehicleIdentity> fleet = new ArrayList<>(count);
            for (int n = 1; n <= count; n++) {
                VehicleIdentity id = VehicleIdentity.of(vin(n));
                fleet.add(id);
                if (!existing.contains(id.vin())) {
                    vehicles.create(new VehicleForm(id.vin(), String.format("DEMO%04d", n), "Demo EV", TERMINAL_MODEL,
                            null, null, id.iccid(), FIRMWARE, HARDWARE, true));
                }
            }
            return fleet;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** A password made once and kept in {@code file} (the demo terminals' own configuration). */
    static String keptPassword(Path file, String prefix) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String password = newPassword(prefix);
        Files.createDirectories(file.getParent());
        Files.writeString(file, password + "\n");
        return password;
    }

    static String newPassword(String prefix) {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        return prefix + HexFormat.of().formatHex(random);
    }
}
