package io.gb32960.admin.terminal;

import io.gb32960.admin.audit.AuditLog;
import io.gb32960.admin.platform.PlatformAccountService;
import io.gb32960.admin.system.Actor;
import io.gb32960.admin.system.AdminException;
import io.gb32960.admin.system.Times;
import io.gb32960.admin.vehicle.Vehicle;
import io.gb32960.admin.vehicle.VehicleRepository;
import io.gb32960.admin.vehicle.Vin;
import io.gb32960.platform.common.registry.PlatformAccount;
import io.gb32960.web.terminal.SecretBox;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Terminal configuration per terminal model and per-vehicle overrides ({@code terminal_config}),
 * and its resolution for one vehicle. Platform passwords are stored sealed ({@link SecretBox}) and
 * must match the platform account's hash when set.
 */
@Service
public class TerminalConfigService {

    static final Set<Integer> BAUD_RATES = Set.of(1200, 2400, 4800, 9600, 19_200, 38_400, 57_600, 115_200, 230_400,
            460_800, 921_600);
    private static final RowMapper<Row> ROW = (rs, i) -> new Row(new TerminalConfig(
            TerminalConfig.Scope.valueOf(rs.getString("scope")), rs.getString("scope_key"),
            rs.getObject("report_interval_s", Integer.class), rs.getObject("heartbeat_interval_s", Integer.class),
            rs.getObject("baud_rate", Integer.class), rs.getString("dispatch_host"),
            rs.getObject("dispatch_port", Integer.class), rs.getString("platform_account"),
            rs.getBytes("platform_password_enc") != null, rs.getString("updated_by"), Times.instant(rs, "updated_at")),
            rs.getBytes("platform_password_enc"));

    private record Row(TerminalConfig config, byte[] passwordEnc) {
    }

    /** The configuration of a vehicle and, when an account is configured, its password. */
    public record Resolved(EffectiveConfig config, String platformPassword) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final SecretBox box;
    private final VehicleRepository vehicles;
    private final TerminalModelRepository models;
    private final PlatformAccountService accounts;
    private final AuditLog audit;
    private final TerminalConfigProperties properties;

    TerminalConfigService(NamedParameterJdbcTemplate jdbc, SecretBox box, VehicleRepository vehicles,
                          TerminalModelRepository models, PlatformAccountService accounts, AuditLog audit,
                          TerminalConfigProperties properties) {
        this.jdbc = jdbc;
        this.box = box;
        this.vehicles = vehicles;
        this.models = models;
        this.accounts = accounts;
        this.audit = audit;
        this.properties = properties;
    }

    public Optional<TerminalConfig> get(TerminalConfig.Scope scope, String key) {
        return row(scope, key).map(Row::config);
    }

    private Optional<Row> row(TerminalConfig.Scope scope, String key) {
        return jdbc.query("SELECT * FROM terminal_config WHERE scope = :scope AND scope_key = :key",
                Map.of("scope", scope.name(), "key", key), ROW).stream().findFirst();
    }

    @Transactional
    public TerminalConfig save(TerminalConfig.Scope scope, String rawKey, TerminalConfigForm form) {
        String key = scope == TerminalConfig.Scope.VEHICLE ? Vin.normalize(rawKey) : rawKey;
        requireOwner(scope, key);
        if (form.baudRate() != null && !BAUD_RATES.contains(form.baudRate())) {
            throw AdminException.invalid("baudRate", "one of " + new java.util.TreeSet<>(BAUD_RATES));
        }
        Optional<Row> before = row(scope, key);
        byte[] passwordEnc = password(scope, key, form, before);
        Actor actor = Actor.current();
        jdbc.update("""
                INSERT INTO terminal_config (scope, scope_key, report_interval_s, heartbeat_interval_s, baud_rate,
                       dispatch_host, dispatch_port, platform_account, platform_password_enc, updated_by)
                VALUES (:scope, :key, :report, :heartbeat, :baud, :host, :port, :account, :password, :by)
                ON DUPLICATE KEY UPDATE report_interval_s = VALUES(report_interval_s),
                       heartbeat_interval_s = VALUES(heartbeat_interval_s), baud_rate = VALUES(baud_rate),
                       dispatch_host = VALUES(dispatch_host), dispatch_port = VALUES(dispatch_port),
                       platform_account = VALUES(platform_account),
                       platform_password_enc = VALUES(platform_password_enc), updated_by = VALUES(updated_by)""",
                new MapSqlParameterSource().addValue("scope", scope.name()).addValue("key", key)
                        .addValue("report", form.reportIntervalS()).addValue("heartbeat", form.heartbeatIntervalS())
                        .addValue("baud", form.baudRate()).addValue("host", form.dispatchHost())
                        .addValue("port", form.dispatchPort()).addValue("account", form.platformAccount())
                        .addValue("password", passwordEnc).addValue("by", actor.name()));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reportIntervalS", form.reportIntervalS());
        detail.put("heartbeatIntervalS", form.heartbeatIntervalS());
        detail.put("baudRate", form.baudRate());
        detail.put("dispatchHost", form.dispatchHost());
        detail.put("dispatchPort", form.dispatchPort());
        detail.put("platformAccount", form.platformAccount());
        detail.put("passwordChanged", form.platformPassword() != null);
        audit.record(actor, "TERMINAL_CONFIG_SAVE", scope == TerminalConfig.Scope.MODEL ? "terminal-model" : "vehicle",
                key, detail);
        return get(scope, key).orElseThrow();
    }

    @Transactional
    public void delete(TerminalConfig.Scope scope, String rawKey) {
        String key = scope == TerminalConfig.Scope.VEHICLE ? Vin.normalize(rawKey) : rawKey;
        if (jdbc.update("DELETE FROM terminal_config WHERE scope = :scope AND scope_key = :key",
                Map.of("scope", scope.name(), "key", key)) == 0) {
            throw AdminException.notFound("terminal configuration of " + key);
        }
        audit.record("TERMINAL_CONFIG_DELETE", scope == TerminalConfig.Scope.MODEL ? "terminal-model" : "vehicle",
                key, Map.of());
    }

    /** The sealed password to store: checked against the account's hash, or the stored one kept. */
    private byte[] password(TerminalConfig.Scope scope, String key, TerminalConfigForm form, Optional<Row> before) {
        if (form.platformAccount() == null) {
            if (form.platformPassword() != null) {
                throw AdminException.invalid("platformAccount", "a password belongs to an account");
            }
            return null;
        }
        PlatformAccount account = accounts.account(form.platformAccount())
                .orElseThrow(() -> AdminException.invalid("platformAccount", "no platform account "
                        + form.platformAccount()));
        if (form.platformPassword() == null) {
            return before.filter(r -> Objects.equals(r.config().platformAccount(), form.platformAccount()))
                    .map(Row::passwordEnc)
                    .orElseThrow(() -> AdminException.invalid("platformPassword", "the account's password is needed"));
        }
        if (!account.secret().matches(form.platformPassword())) {
            throw AdminException.invalid("platformPassword", "not the password of platform account "
                    + form.platformAccount());
        }
        return box.seal(form.platformPassword().getBytes(StandardCharsets.US_ASCII), context(scope, key));
    }

    private void requireOwner(TerminalConfig.Scope scope, String key) {
        boolean exists = scope == TerminalConfig.Scope.MODEL ? models.find(key).isPresent() : vehicles.exists(key);
        if (!exists) {
            throw AdminException.notFound((scope == TerminalConfig.Scope.MODEL ? "terminal model " : "vehicle ") + key);
        }
    }

    /** The configuration a vehicle's terminal gets (vehicle, else model, else the defaults). */
    public Resolved resolve(String vin) {
        Vehicle v = vehicles.find(vin).orElseThrow(() -> AdminException.notFound("vehicle " + vin));
        Optional<Row> own = row(TerminalConfig.Scope.VEHICLE, v.vin());
        Optional<Row> model = v.terminalModel() == null ? Optional.empty()
                : row(TerminalConfig.Scope.MODEL, v.terminalModel());
        TerminalConfigProperties.Defaults d = properties.defaults();
        Map<String, String> sources = new LinkedHashMap<>();
        int report = pick("reportIntervalS", own, model, TerminalConfig::reportIntervalS, d.reportIntervalS(), sources);
        int heartbeat = pick("heartbeatIntervalS", own, model, TerminalConfig::heartbeatIntervalS,
                d.heartbeatIntervalS(), sources);
        int baud = pick("baudRate", own, model, TerminalConfig::baudRate, d.baudRate(), sources);
        String host = pick("dispatchHost", own, model, TerminalConfig::dispatchHost, d.dispatchHost(), sources);
        int port = pick("dispatchPort", own, model, TerminalConfig::dispatchPort, d.dispatchPort(), sources);
        // account and password travel together: from the first scope that names an account
        Optional<Row> credentials = own.filter(r -> r.config().platformAccount() != null)
                .or(() -> model.filter(r -> r.config().platformAccount() != null));
        String account = credentials.map(r -> r.config().platformAccount()).orElse(null);
        String password = credentials.filter(r -> r.passwordEnc() != null).map(r -> new String(box.open(
                r.passwordEnc(), context(r.config().scope(), r.config().key())), StandardCharsets.US_ASCII)).orElse(null);
        sources.put("platformAccount", credentials.map(r -> r.config().scope().name()).orElse("DEFAULT"));
        return new Resolved(new EffectiveConfig(v.vin(), report, heartbeat, baud, host.isEmpty() ? null : host, port,
                account, sources), password);
    }

    private static <T> T pick(String field, Optional<Row> own, Optional<Row> model,
                              java.util.function.Function<TerminalConfig, T> get, T fallback, Map<String, String> sources) {
        T v = own.map(r -> get.apply(r.config())).orElse(null);
        if (v != null) {
            sources.put(field, "VEHICLE");
            return v;
        }
        v = model.map(r -> get.apply(r.config())).orElse(null);
        if (v != null) {
            sources.put(field, "MODEL");
            return v;
        }
        sources.put(field, "DEFAULT");
        return fallback;
    }

    private static String context(TerminalConfig.Scope scope, String key) {
        return "platform-password:" + scope.name() + ":" + key;
    }
}
