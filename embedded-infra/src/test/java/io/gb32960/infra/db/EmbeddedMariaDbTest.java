package io.gb32960.infra.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the standalone launcher needs of the embedded server: data that survives a stop and a
 * crash, a chosen port, a clean stop, and a server left behind by a crashed JVM found and stopped.
 */
class EmbeddedMariaDbTest {

    /** Unpacked once per module build and reused (unpacking takes seconds). */
    private static final Path BINARIES = Path.of("target", "mariadb-base");

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopLeftovers() {
        children.forEach(Process::destroyForcibly);
        EmbeddedMariaDb.stopStale(dir.resolve("data"), Duration.ofSeconds(30));
    }

    @Test
    void aSecondStartOnTheDataDirectoryKeepsTheDataWithoutInstallingAgain() throws Exception {
        Path data = dir.resolve("data");
        int port;
        try (EmbeddedMariaDb db = start(data).start()) {
            assertThat(db.installed()).isTrue();
            port = db.port();
            execute(db, "CREATE DATABASE keep", "CREATE TABLE keep.t (id INT PRIMARY KEY)", "INSERT INTO keep.t VALUES (1)");
        }
        assertThat(data.resolve("keep")).isDirectory();

        int chosen = freePort();
        try (EmbeddedMariaDb db = start(data).port(chosen).start()) {
            assertThat(db.installed()).isFalse();
            assertThat(db.port()).isEqualTo(chosen).isNotEqualTo(port);
            assertThat(count(db, "SELECT COUNT(*) FROM keep.t")).isEqualTo(1);
        }
    }

    @Test
    void closeStopsTheServerCleanlyAndDeletesTheDataOnlyWhenAsked() throws Exception {
        Path data = dir.resolve("data");
        EmbeddedMariaDb kept = start(data).start();
        long pid = kept.pid();
        assertThat(Files.readString(data.resolve(EmbeddedMariaDb.PID_FILE)).trim()).isEqualTo(Long.toString(pid));
        assertThat(EmbeddedMariaDb.staleServer(data)).map(ProcessHandle::pid).contains(pid);
        kept.close();
        assertThat(kept.isRunning()).isFalse();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(data.resolve(EmbeddedMariaDb.PID_FILE)).doesNotExist(); // mariadbd removes it on a clean shutdown
        assertThat(EmbeddedMariaDb.staleServer(data)).isEmpty();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), kept.port()).close())
                .isInstanceOf(ConnectException.class);
        assertThat(data).isDirectory();

        try (EmbeddedMariaDb deleting = start(data).deleteDataOnClose(true).start()) {
            assertThat(deleting.installed()).isFalse();
        }
        assertThat(data).doesNotExist();
    }

    @Test
    void aServerLeftRunningByACrashedJvmIsFoundAndStoppedAndItsDataKept() throws Exception {
        Path data = dir.resolve("data");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingDbMain.class.getName(),
                data.toString(), BINARIES.toAbsolutePath().toString()).redirectErrorStream(true);
        Process child = pb.start();
        children.add(child);
        String[] started = awaitStarted(child);
        long strayPid = Long.parseLong(started[1]);
        int strayPort = Integer.parseInt(started[2]);
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + strayPort + "/", "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE crashed");
            s.execute("CREATE TABLE crashed.t (id INT PRIMARY KEY)");
            s.execute("INSERT INTO crashed.t VALUES (7)");
        }

        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // the JVM crashes, its mariadbd stays
        assertThat(ProcessHandle.of(strayPid).map(ProcessHandle::isAlive)).contains(true);
        assertThat(EmbeddedMariaDb.staleServer(data)).map(ProcessHandle::pid).contains(strayPid);

        assertThatThrownBy(() -> start(data).stopStale(false).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(Long.toString(strayPid));

        try (EmbeddedMariaDb db = start(data).start()) {
            assertThat(ProcessHandle.of(strayPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
            assertThat(db.pid()).isNotEqualTo(strayPid);
            assertThat(db.installed()).isFalse();
            assertThat(count(db, "SELECT COUNT(*) FROM crashed.t WHERE id = 7")).isEqualTo(1);
        }
    }

    @Test
    void aChosenPortThatIsTakenFailsTheStartWithAMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> start(dir.resolve("data")).port(taken.getLocalPort()).start())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("port " + taken.getLocalPort());
        }
    }

    private static EmbeddedMariaDb.Builder start(Path data) {
        return EmbeddedMariaDb.builder(data).baseDir(BINARIES).deleteDataOnClose(false)
                .arg("--innodb-buffer-pool-size=32M").arg("--innodb-log-file-size=16M");
    }

    private static String[] awaitStarted(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("STARTED ")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "child-output");
                drain.setDaemon(true);
                drain.start();
                return line.split(" ");
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the child JVM ended before starting MariaDB:\n" + seen);
    }

    private static void execute(EmbeddedMariaDb db, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(""), "root", ""); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private static long count(EmbeddedMariaDb db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(""), "root", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
