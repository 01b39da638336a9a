package io.gb32960.admin.platform;

import io.gb32960.admin.audit.AuditLog;
import io.gb32960.admin.registry.RegistryMirror;
import io.gb32960.admin.system.AdminException;
import io.gb32960.admin.system.ErrorCode;
import io.gb32960.admin.system.Times;
import io.gb32960.platform.common.registry.PlatformAccount;
import io.gb32960.platform.common.security.HashedSecret;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Platform accounts for platform login 0x05 (dispatch login and forwarding platforms): the secret
 * is stored only as a salted PBKDF2 hash ({@link HashedSecret}), the same in MySQL
 * ({@code platform_account}) and in the Redis registry the access nodes check.
 */
@Service
public class PlatformAccountService {

    private static final RowMapper<PlatformAccountView> VIEW = (rs, i) -> new PlatformAccountView(rs.getLong("id"),
            rs.getString("account"), rs.getString("name"), rs.getBoolean("enabled"), rs.getInt("secret_iterations"),
            Times.instant(rs, "created_at"), Times.instant(rs, "updated_at"));
    private static final RowMapper<PlatformAccount> ACCOUNT = (rs, i) -> new PlatformAccount(rs.getString("account"),
            new HashedSecret(rs.getBytes("secret_salt"), rs.getBytes("secret_hash"), rs.getInt("secret_iterations")),
            rs.getBoolean("enabled"));

    private final NamedParameterJdbcTemplate jdbc;
    private final RegistryMirror mirror;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    PlatformAccountService(NamedParameterJdbcTemplate jdbc, RegistryMirror mirror, AuditLog audit,
                           TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.mirror = mirror;
        this.audit = audit;
        this.tx = tx;
    }

    public List<PlatformAccountView> all() {
        return jdbc.query("SELECT * FROM platform_account ORDER BY account", VIEW);
    }

    public PlatformAccountView get(String account) {
        return jdbc.query("SELECT * FROM platform_account WHERE account = :a", Map.of("a", account), VIEW).stream()
                .findFirst().orElseThrow(() -> AdminException.notFound("platform account " + account));
    }

    /** The account with its hash, for checking a password. */
    public Optional<PlatformAccount> account(String account) {
        return jdbc.query("SELECT * FROM platform_account WHERE account = :a", Map.of("a", account), ACCOUNT).stream()
                .findFirst();
    }

    public void forEach(Consumer<PlatformAccount> each) {
        jdbc.query("SELECT * FROM platform_account ORDER BY account", ACCOUNT).forEach(each);
    }

    public PlatformAccountView create(PlatformAccountForm form) {
        requirePassword(form.password(), true);
        HashedSecret secret = HashedSecret.of(form.password());
        tx.executeWithoutResult(s -> {
            try {
                jdbc.update("""
                        INSERT INTO platform_account (account, name, secret_salt, secret_hash, secret_iterations, enabled)
                        VALUES (:account, :name, :salt, :hash, :iterations, :enabled)""",
                        params(form).addValue("salt", secret.salt()).addValue("hash", secret.hash())
                                .addValue("iterations", secret.iterations()));
            } catch (DuplicateKeyException e) {
                throw AdminException.duplicate("account", "platform account " + form.account() + " exists");
            }
            audit.record("PLATFORM_ACCOUNT_CREATE", "platform-account", form.account(),
                    Map.of("enabled", form.enabled()));
        });
        mirror.account(new PlatformAccount(form.account(), secret, form.enabled()));
        return get(form.account());
    }

    public PlatformAccountView update(String account, PlatformAccountForm form) {
        if (!account.equals(form.account())) {
            throw AdminException.invalid("account", "the name of an account cannot be changed");
        }
        boolean newSecret = form.password() != null && !form.password().isEmpty();
        if (newSecret) {
            requirePassword(form.password(), false);
        }
        HashedSecret secret = newSecret ? HashedSecret.of(form.password()) : null;
        tx.executeWithoutResult(s -> {
            get(account);
            jdbc.update("UPDATE platform_account SET name = :name, enabled = :enabled WHERE account = :account",
                    params(form));
            if (secret != null) {
                jdbc.update("""
                        UPDATE platform_account SET secret_salt = :salt, secret_hash = :hash,
                               secret_iterations = :iterations WHERE account = :account""",
                        params(form).addValue("salt", secret.salt()).addValue("hash", secret.hash())
                                .addValue("iterations", secret.iterations()));
            }
            audit.record("PLATFORM_ACCOUNT_UPDATE", "platform-account", account,
                    Map.of("enabled", form.enabled(), "secretChanged", newSecret));
        });
        mirror.account(account(account).orElseThrow());
        return get(account);
    }

    public void delete(String account) {
        tx.executeWithoutResult(s -> {
            get(account);
            Integer used = jdbc.queryForObject("SELECT COUNT(*) FROM terminal_config WHERE platform_account = :a",
                    Map.of("a", account), Integer.class);
            if (used != null && used > 0) {
                throw new AdminException(ErrorCode.CONFLICT, "the terminal configuration uses platform account "
                        + account + " (" + used + " entries)");
            }
            jdbc.update("DELETE FROM platform_account WHERE account = :a", Map.of("a", account));
            audit.record("PLATFORM_ACCOUNT_DELETE", "platform-account", account, Map.of());
        });
        mirror.removeAccount(account);
    }

    private static MapSqlParameterSource params(PlatformAccountForm f) {
        return new MapSqlParameterSource().addValue("account", f.account()).addValue("name", f.name())
                .addValue("enabled", f.enabled());
    }

    private static void requirePassword(String password, boolean required) {
        if (password == null || password.isEmpty()) {
            if (required) {
                throw AdminException.invalid("password", "a password is required");
            }
            return;
        }
        if (password.length() < PlatformAccountForm.MIN_PASSWORD) {
            throw AdminException.invalid("password", "at least " + PlatformAccountForm.MIN_PASSWORD + " characters");
        }
    }
}
