package io.gb32960.consumers.support;

import io.gb32960.consumers.ConsumersApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application in a child JVM (this JVM's classpath), so a test can kill it the way production
 * would see a crash: SIGKILL, no shutdown hook, no offset commit, an open database transaction.
 */
public final class ConsumersProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ConsumersProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static ConsumersProcess start(TestEnv env, Path log, String... extra) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                ConsumersApplication.class.getName()));
        command.addAll(env.appArgs(extra));
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new ConsumersProcess(p, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** SIGKILL, then waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("child JVM did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A graceful stop (SIGTERM: Spring closes the context), SIGKILL after 30 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }
}
