package io.gb32960.simulator.sim;

import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.ResponseFlag;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one simulation, shared by all vehicles and updated from every event loop. */
final class SimulationStats {

    private final AtomicLongArray sentByCommand = new AtomicLongArray(256);
    /** Key: command << 8 | response flag. */
    private final Map<Integer, LongAdder> received = new ConcurrentHashMap<>();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger loggedIn = new AtomicInteger();
    final LongAdder connectAttempts = new LongAdder();
    final LongAdder connectFailures = new LongAdder();
    final LongAdder reconnects = new LongAdder();
    final LongAdder disconnects = new LongAdder();
    final LongAdder loginRejected = new LongAdder();
    final LongAdder loginTimeouts = new LongAdder();
    final LongAdder loginAborted = new LongAdder();
    final LongAdder badFrames = new LongAdder();
    final LongAdder channelErrors = new LongAdder();
    final LongAdder internalErrors = new LongAdder();
    final LongAdder reissueBuffered = new LongAdder();
    final LongAdder reissueDropped = new LongAdder();
    final LongAdder dispatchAttempts = new LongAdder();
    final LongAdder dispatchSuccesses = new LongAdder();
    final LongAdder dispatchRefusals = new LongAdder();
    /** Vehicles by the node ({@code host:port}) of their current or last assignment. */
    private final Map<String, AtomicInteger> nodes = new ConcurrentHashMap<>();
    /** Downlink commands 0x80-0x82 received, by command. */
    private final AtomicLongArray commandsReceived = new AtomicLongArray(3);
    final LongAdder commandsAnswered = new LongAdder();
    final LongAdder commandsRefused = new LongAdder();
    /** Terminal controls 0x82 received, by control name. */
    private final Map<String, LongAdder> controls = new ConcurrentHashMap<>();
    final LatencyHistogram loginLatency = new LatencyHistogram();
    final LatencyHistogram heartbeatLatency = new LatencyHistogram();
    final LatencyHistogram calibrationLatency = new LatencyHistogram();
    private volatile String lastError;

    void sent(int command, int bytes) {
        sentByCommand.incrementAndGet(command);
        bytesSent.add(bytes);
    }

    void received(int command, int flag, int bytes) {
        received.computeIfAbsent(command << 8 | flag, k -> new LongAdder()).increment();
        bytesReceived.add(bytes);
    }

    /** A vehicle moved from node {@code from} (null for its first assignment) to node {@code to}. */
    void assigned(String from, String to) {
        if (from != null) {
            nodes.get(from).decrementAndGet();
        }
        nodes.computeIfAbsent(to, k -> new AtomicInteger()).incrementAndGet();
    }

    void commandReceived(int command) {
        commandsReceived.incrementAndGet(command - CommandId.QUERY.id());
    }

    void control(int controlId) {
        controls.computeIfAbsent(io.gb32960.protocol.control.TerminalControl.nameOf(controlId), k -> new LongAdder())
                .increment();
    }

    void connected(int delta) {
        connected.addAndGet(delta);
    }

    void loggedIn(int delta) {
        loggedIn.addAndGet(delta);
    }

    void error(LongAdder counter, String what, Throwable cause) {
        counter.increment();
        lastError = cause == null ? what : what + ": " + cause;
    }

    long framesSent() {
        long total = 0;
        for (int i = 0; i < 256; i++) {
            total += sentByCommand.get(i);
        }
        return total;
    }

    long framesSent(int command) {
        return sentByCommand.get(command);
    }

    long responses() {
        long total = 0;
        for (LongAdder a : received.values()) {
            total += a.sum();
        }
        return total;
    }

    long loginFailures() {
        return loginRejected.sum() + loginTimeouts.sum() + loginAborted.sum();
    }

    long errors() {
        return connectFailures.sum() + loginFailures() + badFrames.sum() + channelErrors.sum() + internalErrors.sum();
    }

    Progress progress(long elapsedNanos, int vehicles) {
        return new Progress(java.time.Duration.ofNanos(elapsedNanos), vehicles, connected.get(), loggedIn.get(),
                framesSent(), responses(), errors(), reconnects.sum(), bytesSent.sum());
    }

    SimulationSummary summary(String edition, String transport, int vehicles, int threads, long elapsedNanos,
                              boolean dispatch) {
        Map<String, Long> sent = new LinkedHashMap<>();
        for (int c = 0; c < 256; c++) {
            long n = sentByCommand.get(c);
            if (n > 0) {
                sent.put(CommandId.nameOf(c), n);
            }
        }
        Map<String, Map<String, Long>> responses = new LinkedHashMap<>();
        new TreeMap<>(received).forEach((key, count) -> responses
                .computeIfAbsent(CommandId.nameOf(key >>> 8), k -> new LinkedHashMap<>())
                .merge(ResponseFlag.nameOf(key & 0xFF), count.sum(), Long::sum));
        Map<String, SimulationSummary.Latency> latency = new LinkedHashMap<>();
        latency.put(CommandId.VEHICLE_LOGIN.jsonName(), SimulationSummary.Latency.of(loginLatency));
        latency.put(CommandId.HEARTBEAT.jsonName(), SimulationSummary.Latency.of(heartbeatLatency));
        latency.put(CommandId.TIME_CALIBRATION.jsonName(), SimulationSummary.Latency.of(calibrationLatency));
        long reissueSent = sentByCommand.get(CommandId.REISSUE_REPORT.id());
        return new SimulationSummary(edition, transport, vehicles, threads, elapsedNanos / 1e9, sent, framesSent(),
                responses, responses(), connectAttempts.sum(), connectFailures.sum(), disconnects.sum(),
                reconnects.sum(), loginFailures(), loginRejected.sum(), loginTimeouts.sum(), loginAborted.sum(),
                new SimulationSummary.Reissue(reissueBuffered.sum(), reissueSent, reissueDropped.sum(),
                        Math.max(0, reissueBuffered.sum() - reissueSent - reissueDropped.sum())),
                bytesSent.sum(), bytesReceived.sum(), badFrames.sum(), errors(), lastError, latency,
                dispatch ? new SimulationSummary.Dispatch(dispatchAttempts.sum(), dispatchSuccesses.sum(),
                        dispatchRefusals.sum(), nodeCounts()) : null, commands());
    }

    private Map<String, Integer> nodeCounts() {
        Map<String, Integer> out = new TreeMap<>();
        nodes.forEach((node, count) -> out.put(node, count.get()));
        return out;
    }

    private SimulationSummary.Commands commands() {
        Map<String, Long> received = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            received.put(CommandId.nameOf(CommandId.QUERY.id() + i), commandsReceived.get(i));
        }
        Map<String, Long> byControl = new TreeMap<>();
        controls.forEach((name, count) -> byControl.put(name, count.sum()));
        return new SimulationSummary.Commands(received, commandsAnswered.sum(), commandsRefused.sum(), byControl);
    }
}
