package io.gb32960.standalone;

import io.gb32960.infra.KafkaBroker;
import io.gb32960.infra.db.EmbeddedMariaDb;
import org.flywaydb.core.Flyway;
import redis.embedded.RedisServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The embedded parts the services run on: a real redis-server, a real single-node KRaft broker and
 * a real MariaDB, each a child process with its data under the data directory, started side by side.
 *
 * @param redisPort        the redis-server's port on 127.0.0.1
 * @param kafkaBootstrap   the broker's bootstrap servers
 * @param jdbcUrl          the platform's database ({@value #DATABASE}), user root without a password
 */
record Infrastructure(int redisPort, String kafkaBootstrap, String jdbcUrl) {

    static final String DATABASE = "gb32960";
    static final String DB_USER = "root";

    static RedisServer startRedis(RunDirectory dir, int port) throws Exception {
        Path data = Files.createDirectories(dir.resolve("redis"));
        RedisServer redis = RedisServer.builder().port(port).setting("bind 127.0.0.1")
                .setting("dir " + data).setting("appendonly yes").setting("save \"\"").build();
        redis.start();
        return redis;
    }

    static KafkaBroker startKafka(RunDirectory dir) throws Exception {
        return KafkaBroker.builder(dir.resolve("kafka")).partitions(3).stopOnJvmExit(false).start();
    }

    static EmbeddedMariaDb startDatabase(RunDirectory dir) {
        return EmbeddedMariaDb.builder(dir.resolve("mariadb")).baseDir(dir.resolve("mariadb-base"))
                .deleteDataOnClose(false).stopStale(true).stopOnJvmExit(false).startTimeout(Duration.ofMinutes(3))
                .start();
    }

    /** Creates the platform's database when missing and migrates it with the schema of module {@code sql}. */
    static String migrate(EmbeddedMariaDb db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(""), DB_USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        String url = db.jdbcUrl(DATABASE) + "?useSSL=false&allowPublicKeyRetrieval=true";
        Flyway.configure().dataSource(url, DB_USER, "").locations("classpath:db/migration").load().migrate();
        return url;
    }

    /** Whether nobody has been created yet: the first start on this data directory. */
    static boolean noUsers(String jdbcUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, DB_USER, "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM app_user")) {
            return rs.next() && rs.getLong(1) == 0;
        }
    }
}
