package io.gb32960.ota.support;

import io.gb32960.platform.common.registry.RegisteredVehicle;
import io.gb32960.platform.common.registry.VehicleRegistry;
import io.gb32960.protocol.codec.ResponseStyle;
import io.gb32960.protocol.control.UpgradeLayout;
import io.gb32960.simulator.sim.VehicleIdentity;
import org.redisson.api.RedissonClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rows the admin backend would have made (suppliers, terminal models, users, vehicles in MySQL
 * and the Redis registry, terminal secrets sealed under its master key), written directly.
 */
public final class TestData {

    public static final String PASSWORD = "secret-pass-1";
    public static final String ACME_MODEL = "TBOX-A";
    public static final String ACME_TEXT_MODEL = "TBOX-T";
    public static final String OTHER_MODEL = "TBOX-B";
    /** Every test terminal's HMAC secret. */
    public static final byte[] TERMINAL_SECRET = HexFormat.of().parseHex(
            "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    private static final AtomicInteger VINS = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final VehicleRegistry registry;

    public TestData(JdbcTemplate jdbc, RedissonClient redis) {
        this.jdbc = jdbc;
        this.registry = new VehicleRegistry(redis);
        base();
    }

    private synchronized void base() {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM supplier WHERE code = 'ACME'", Integer.class) > 0) {
            return;
        }
        jdbc.update("INSERT INTO supplier (code, name) VALUES ('ACME', 'Acme T-Box'), ('OTHER', 'Other T-Box')");
        jdbc.update("""
                INSERT INTO terminal_model (code, name, supplier_id, upgrade_layout) VALUES
                ('TBOX-A', 'Acme A', (SELECT id FROM supplier WHERE code = 'ACME'), 'TABLE_B16_BINARY'),
                ('TBOX-T', 'Acme T', (SELECT id FROM supplier WHERE code = 'ACME'), 'TABLE_B15_TEXT'),
                ('TBOX-B', 'Other B', (SELECT id FROM supplier WHERE code = 'OTHER'), 'TABLE_B16_BINARY')""");
        String hash = new BCryptPasswordEncoder().encode(PASSWORD);
        user("admin", "ADMIN", null, hash);
        user("op", "OPERATOR", null, hash);
        user("viewer", "VIEWER", null, hash);
        user("acme", "SUPPLIER", "ACME", hash);
        user("other", "SUPPLIER", "OTHER", hash);
        byte[] master = new byte[32];
        RANDOM.nextBytes(master);
        jdbc.update("INSERT INTO admin_secret (name, value) VALUES ('master-key', ?)", (Object) master);
    }

    private void user(String name, String role, String supplier, String hash) {
        jdbc.update("INSERT INTO app_user (username, password_hash, supplier_id) VALUES (?, ?, "
                + (supplier == null ? "NULL" : "(SELECT id FROM supplier WHERE code = '" + supplier + "')") + ")",
                name, hash);
        jdbc.update("INSERT INTO app_user_role (user_id, role_id) SELECT u.id, r.id FROM app_user u, app_role r"
                + " WHERE u.username = ? AND r.code = ?", name, role);
    }

    public long supplierId(String code) {
        return jdbc.queryForObject("SELECT id FROM supplier WHERE code = ?", Long.class, code);
    }

    /** A fresh VIN (17 characters, unique in the run). */
    public static String vin(String tag) {
        String n = Integer.toString(VINS.incrementAndGet());
        String head = ("OTA" + tag).toUpperCase();
        return head + "0".repeat(17 - head.length() - n.length()) + n;
    }

    /** {@code n} enabled vehicles of {@code model} on hardware HW1.0 and {@code firmware}, registered for login. */
    public List<String> vehicles(String tag, int n, String model, String firmware) throws Exception {
        List<String> vins = new ArrayList<>();
        byte[] master = jdbc.queryForObject("SELECT value FROM admin_secret WHERE name = 'master-key'", byte[].class);
        UpgradeLayout layout = ACME_TEXT_MODEL.equals(model) ? UpgradeLayout.TABLE_B15_TEXT : UpgradeLayout.TABLE_B16_BINARY;
        for (int i = 0; i < n; i++) {
            String vin = vin(tag);
            String iccid = VehicleIdentity.derivedIccid(vin);
            jdbc.update("""
                    INSERT INTO vehicle (vin, terminal_model, iccid, firmware_version, hardware_version, enabled)
                    VALUES (?, ?, ?, ?, 'HW1.0', 1)""", vin, model, iccid, firmware);
            jdbc.update("INSERT INTO terminal_secret (vin, secret_enc, created_by) VALUES (?, ?, 'test')", vin,
                    seal(master, TERMINAL_SECRET, "terminal-secret:" + vin));
            registry.register(new RegisteredVehicle(vin, iccid, model, ResponseStyle.TIME_ONLY, layout, true))
                    .toCompletableFuture().get(5, TimeUnit.SECONDS);
            vins.add(vin);
        }
        return vins;
    }

    /** As the admin backend's SecretBox: 0x01 | IV(12) | AES-256-GCM(plaintext) with the context as AAD. */
    static byte[] seal(byte[] key, byte[] plaintext, String context) throws GeneralSecurityException {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        byte[] ct = c.doFinal(plaintext);
        return ByteBuffer.allocate(1 + iv.length + ct.length).put((byte) 1).put(iv).put(ct).array();
    }

    /** The terminal's signature of a check request at {@code timestamp}. */
    public static String signature(String vin, long timestamp) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TERMINAL_SECRET, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal((vin + ":" + timestamp).getBytes(StandardCharsets.US_ASCII)));
    }

    public static String hex(String algorithm, byte[] data) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }

    /** Random firmware bytes. */
    public static byte[] firmware(int size) {
        byte[] b = new byte[size];
        RANDOM.nextBytes(b);
        return b;
    }
}
