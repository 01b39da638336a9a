package io.gb32960.consumers.support;

import io.gb32960.infra.db.EmbeddedMariaDb;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database server of a test run: an embedded MariaDB (default), or the external server named by
 * {@code -Dgb32960.test.db=external} / {@code GB32960_TEST_DB=external} (default
 * {@code jdbc:mysql://127.0.0.1:3306/}, user root, no password; override with
 * {@code gb32960.test.db.url/user/password}). Each test class gets a database of its own.
 */
final class DbServer implements AutoCloseable {

    static final String URL_PARAMS = "?useSSL=false&allowPublicKeyRetrieval=true&cachePrepStmts=true"
            + "&prepStmtCacheSize=64&prepStmtCacheSqlLimit=1048576&useServerPrepStmts=true";

    private final String baseUrl;
    private final String user;
    private final String password;
    private final EmbeddedMariaDb embedded;

    private DbServer(String baseUrl, String user, String password, EmbeddedMariaDb embedded) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    static boolean externalRequested() {
        String p = System.getProperty("gb32960.test.db");
        String env = System.getenv("GB32960_TEST_DB");
        return "external".equalsIgnoreCase(p) || (p == null && "external".equalsIgnoreCase(env));
    }

    static DbServer external() {
        String url = System.getProperty("gb32960.test.db.url", "jdbc:mysql://127.0.0.1:3306/");
        return new DbServer(url.endsWith("/") ? url : url + "/", System.getProperty("gb32960.test.db.user", "root"),
                System.getProperty("gb32960.test.db.password", ""), null);
    }

    /** @param binaries where the server binaries are unpacked once and reused by later runs */
    static DbServer embedded(Path dataDir, Path binaries) {
        EmbeddedMariaDb db = EmbeddedMariaDb.builder(dataDir).baseDir(binaries).arg("--innodb-buffer-pool-size=256M")
                .arg("--innodb-log-file-size=48M").start();
        return new DbServer("jdbc:mysql://127.0.0.1:" + db.port() + "/", "root", "", db);
    }

    String description() {
        return embedded != null ? "embedded MariaDB on port " + embedded.port() : "external " + baseUrl;
    }

    /** Skips the calling test class, with a message, when the server does not answer. */
    void assumeReachable() {
        try (Connection c = DriverManager.getConnection(baseUrl + URL_PARAMS, user, password)) {
            Assumptions.assumeTrue(c.isValid(5), "database " + baseUrl + " does not answer");
        } catch (SQLException e) {
            Assumptions.abort("database " + baseUrl + " is not reachable: " + e.getMessage());
        }
    }

    String url(String database) {
        return baseUrl + database + URL_PARAMS;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    void execute(String sql) {
        try (Connection c = DriverManager.getConnection(baseUrl + URL_PARAMS, user, password);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
