package io.gb32960.simulator.cli;

import io.gb32960.protocol.frame.Edition;
import io.gb32960.simulator.sim.Progress;
import io.gb32960.simulator.sim.Simulation;
import io.gb32960.simulator.sim.SimulationConfig;
import io.gb32960.simulator.sim.SimulationSummary;
import io.gb32960.simulator.sim.Transport;
import io.gb32960.simulator.sim.VehicleIdentities;
import io.gb32960.simulator.sim.VehicleIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Runs N simulated terminals against a platform: login, realtime reports, heartbeats, time
 * calibration, reconnects with reissue, answers to query/set/control commands. Direct mode connects
 * to {@code --host:--port}; with {@code --dispatch} each terminal first asks the dispatcher for its
 * access node (platform login 0x05, assignment 0xC0, docs/protocol-extensions.md). Progress goes to
 * stderr, the final JSON summary to stdout.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate GB/T 32960 vehicle terminals connecting directly to a platform.",
            "Each vehicle logs in (0x01), sends realtime reports (0x02) every interval, heartbeats (0x07), one time"
                + " calibration (0x08) per login, and reissues (0x03) what it generated while disconnected.",
            "With --dispatch HOST:PORT --account A --password P each vehicle first does a platform login (0x05, unique"
                + " id = its VIN) at the dispatcher, then logs in at the assigned node with the one-time token; after "
                + SimulationConfig.Dispatch.NODE_ATTEMPTS + " failed reconnects to that node it asks the dispatcher again.",
            "Vehicles answer query (0x80), set (0x81: report period 0x02, heartbeat 0x09) and control (0x82) commands;"
                + " a remote upgrade (0x82/0x01) downloads its URL (resuming with Range), checks the MD5 and installs"
                + " (the reported firmware version changes) or fails at --upgrade-failure-rate.",
            "Live progress goes to stderr; a JSON summary goes to stdout at the end (or on Ctrl-C).",
            "Durations: 500ms, 10s, 5m, 1h, or ISO-8601 (PT10S).",
            "Exit status: 0 when the run completed (errors are counted in the summary), 2 on bad options."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "Platform host (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "32960", description = "Platform port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--dispatch", paramLabel = "HOST:PORT",
            description = "Dispatch login at this dispatcher instead of connecting to --host/--port directly.")
    private String dispatch;

    @Option(names = "--account", paramLabel = "NAME", description = "Platform account of the dispatch login (at most 12 characters).")
    private String account;

    @Option(names = "--password", paramLabel = "SECRET", description = "Platform password of the dispatch login (at most 20 characters).")
    private String password;

    @Option(names = "--vehicles", paramLabel = "N",
            description = "Number of vehicles (default: every VIN of --vin-file, else 10).")
    private Integer vehicles;

    @Option(names = "--edition", paramLabel = "2016|2025", defaultValue = "2016",
            converter = CliConverters.EditionConverter.class, description = "Protocol edition (default: ${DEFAULT-VALUE}).")
    private Edition edition;

    @Option(names = "--interval", defaultValue = "10s", paramLabel = "DURATION", converter = CliConverters.DurationConverter.class,
            description = "Realtime report period (default: ${DEFAULT-VALUE}).")
    private Duration interval;

    @Option(names = "--duration", defaultValue = "0", paramLabel = "DURATION", converter = CliConverters.DurationConverter.class,
            description = "Run time; 0 runs until Ctrl-C (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--heartbeat", defaultValue = "30s", paramLabel = "DURATION", converter = CliConverters.DurationConverter.class,
            description = "Heartbeat period while logged in (default: ${DEFAULT-VALUE}).")
    private Duration heartbeat;

    @Option(names = "--login-retry", defaultValue = "60s", paramLabel = "DURATION", converter = CliConverters.DurationConverter.class,
            description = "Resend an unanswered login after this (standard: 1 min; default: ${DEFAULT-VALUE}).")
    private Duration loginRetry;

    @Option(names = "--login-attempts", paramLabel = "N", defaultValue = "3",
            description = "Failed logins in a row before the backoff (standard: 3; default: ${DEFAULT-VALUE}).")
    private int loginAttempts;

    @Option(names = "--login-backoff", defaultValue = "30m", paramLabel = "DURATION", converter = CliConverters.DurationConverter.class,
            description = "Wait after those failures (standard: 30 min; default: ${DEFAULT-VALUE}).")
    private Duration loginBackoff;

    @Option(names = "--reconnect-delay", defaultValue = "5s", paramLabel = "DURATION", converter = CliConverters.DurationConverter.class,
            description = "Reconnect after a lost connection within half of this to all of it (default: ${DEFAULT-VALUE}).")
    private Duration reconnectDelay;

    @Option(names = "--ramp-up", paramLabel = "DURATION", converter = CliConverters.DurationConverter.class,
            description = "Spread the vehicles' start over this (default: the interval).")
    private Duration rampUp;

    @Option(names = "--connect-timeout", defaultValue = "10s", paramLabel = "DURATION", converter = CliConverters.DurationConverter.class,
            description = "TCP connect timeout (default: ${DEFAULT-VALUE}).")
    private Duration connectTimeout;

    @Option(names = "--reissue-buffer", paramLabel = "FRAMES", defaultValue = "60",
            description = "Frames a vehicle keeps for reissue while disconnected; older ones are dropped (default: ${DEFAULT-VALUE}).")
    private int reissueBuffer;

    @Option(names = "--vin-file", paramLabel = "FILE", description = "VINs, one per line, optionally VIN,ICCID (# comments).")
    private Path vinFile;

    @Option(names = "--vin-pattern", paramLabel = "FORMAT", defaultValue = VehicleIdentities.DEFAULT_PATTERN,
            description = "VIN format for a number (default: ${DEFAULT-VALUE}).")
    private String vinPattern;

    @Option(names = "--vin-start", paramLabel = "N", defaultValue = "1", description = "First number of --vin-pattern (default: ${DEFAULT-VALUE}).")
    private long vinStart;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Event-loop threads for all vehicles (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--transport", paramLabel = "auto|epoll|nio", defaultValue = "auto",
            converter = CliConverters.TransportConverter.class,
            description = "Socket transport (default: ${DEFAULT-VALUE}: epoll when available, else NIO).")
    private Transport transport;

    @Option(names = "--time-scale", paramLabel = "FACTOR", defaultValue = "1",
            description = "Simulated seconds per real second for the driving model (default: ${DEFAULT-VALUE}).")
    private double timeScale;

    @Option(names = "--origin", paramLabel = "LAT,LON", defaultValue = "31.2304,121.4737",
            description = "Centre of the routes (default: ${DEFAULT-VALUE}).")
    private String origin;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "32960", description = "Random seed of the driving cycles (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--alarm-probability", paramLabel = "P", defaultValue = "0.002",
            description = "Chance per frame that a level-1/2 alarm starts (default: ${DEFAULT-VALUE}).")
    private double alarmProbability;

    @Option(names = "--no-logout", description = "Do not send vehicle logout (0x04) at the end.")
    private boolean noLogout;

    @Option(names = "--firmware-version", paramLabel = "VERSION", defaultValue = "FW1.2",
            description = "Firmware version the terminals report (parameter 0x08) until an upgrade (default: ${DEFAULT-VALUE}).")
    private String firmwareVersion;

    @Option(names = "--hardware-version", paramLabel = "VERSION", defaultValue = "HW1.0",
            description = "Hardware version the terminals report (default: ${DEFAULT-VALUE}).")
    private String hardwareVersion;

    @Option(names = "--upgrade-failure-rate", paramLabel = "P", defaultValue = "0",
            description = "Share of remote-upgrade installs that fail, the version staying (default: ${DEFAULT-VALUE}).")
    private double upgradeFailureRate;

    @Option(names = "--download-interrupt-rate", paramLabel = "P", defaultValue = "0",
            description = "Share of firmware downloads broken off halfway and resumed with Range (default: ${DEFAULT-VALUE}).")
    private double downloadInterruptRate;

    @Option(names = "--ota-check-url", paramLabel = "URL",
            description = "The OTA service's version check (e.g. http://host:8090/ota/check), asked at power-up.")
    private String otaCheckUrl;

    @Option(names = "--terminal-secret", paramLabel = "HEX",
            description = "The terminals' HMAC secret for --ota-check-url (the same for every simulated terminal).")
    private String terminalSecret;

    @Option(names = "--progress", defaultValue = "1s", paramLabel = "DURATION", converter = CliConverters.DurationConverter.class,
            description = "Progress line period on stderr; 0 for none (default: ${DEFAULT-VALUE}).")
    private Duration progress;

    private final Object finishLock = new Object();
    private boolean summaryPrinted;

    @Override
    public Integer call() throws InterruptedException {
        SimulationConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Simulation sim = new Simulation(config);
        Thread hook = new Thread(() -> finish(sim, out), "gb32960-simulate-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        err.printf("simulating %d vehicles (%s, %s transport, %d thread(s)) against %s%n", config.vehicles().size(),
                config.edition().label(), sim.transport().name().toLowerCase(java.util.Locale.ROOT), config.threads(),
                config.dispatch() != null ? "dispatcher " + config.dispatch().address() : host + ":" + port);
        err.flush();
        sim.start();
        Duration wait = progress.isZero() ? Duration.ofDays(365) : progress;
        Progress previous = null;
        while (!sim.awaitDuration(wait)) {
            Progress now = sim.progress();
            err.println(now.line(previous));
            err.flush();
            previous = now;
        }
        finish(sim, out);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
        return 0;
    }

    /** Stops the simulation and prints the summary once, from the main thread or the Ctrl-C hook. */
    private void finish(Simulation sim, PrintWriter out) {
        synchronized (finishLock) {
            if (summaryPrinted) {
                return;
            }
            summaryPrinted = true;
            sim.stop();
            SimulationSummary summary = sim.summary();
            out.println(summary.toJson());
            out.flush();
        }
    }

    private SimulationConfig config() {
        try {
            transport.resolve();
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw bad("unknown host: " + host);
        }
        List<VehicleIdentity> ids = identities();
        double[] latLon = origin();
        SimulationConfig.Dispatch dispatcher = dispatcher();
        try {
            return SimulationConfig.builder().host(host).port(port).edition(edition).vehicles(ids).interval(interval)
                    .duration(duration).heartbeat(heartbeat).loginRetry(loginRetry).loginBackoff(loginBackoff)
                    .loginAttempts(loginAttempts).reconnectDelay(reconnectDelay).rampUp(rampUp)
                    .connectTimeout(connectTimeout).reissueBuffer(reissueBuffer).threads(threads)
                    .transport(transport).timeScale(timeScale).origin(latLon[0], latLon[1]).seed(seed)
                    .alarmProbability(alarmProbability).logoutOnStop(!noLogout).dispatch(dispatcher)
                    .upgrade(new SimulationConfig.Upgrade(firmwareVersion, hardwareVersion, upgradeFailureRate,
                            downloadInterruptRate, Duration.ofMillis(200), otaCheckUrl, terminalSecret)).build();
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    /** The dispatcher of --dispatch/--account/--password, or null in direct mode. */
    private SimulationConfig.Dispatch dispatcher() {
        if (dispatch == null) {
            if (account != null || password != null) {
                throw bad("--account and --password need --dispatch");
            }
            return null;
        }
        if (account == null || password == null) {
            throw bad("--dispatch needs --account and --password");
        }
        int colon = dispatch.lastIndexOf(':');
        int dispatchPort;
        try {
            dispatchPort = colon > 0 ? Integer.parseInt(dispatch.substring(colon + 1)) : -1;
        } catch (NumberFormatException e) {
            dispatchPort = -1;
        }
        if (dispatchPort < 1 || dispatchPort > 65_535) {
            throw bad("--dispatch must be HOST:PORT, not '" + dispatch + "'");
        }
        String dispatchHost = dispatch.substring(0, colon);
        try {
            InetAddress.getByName(dispatchHost);
        } catch (UnknownHostException e) {
            throw bad("unknown host: " + dispatchHost);
        }
        try {
            return new SimulationConfig.Dispatch(dispatchHost, dispatchPort, account, password);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private List<VehicleIdentity> identities() {
        if (vehicles != null && vehicles < 1) {
            throw bad("--vehicles must be at least 1");
        }
        try {
            if (vinFile == null) {
                return VehicleIdentities.pattern(vinPattern, vinStart, vehicles == null ? 10 : vehicles);
            }
            List<VehicleIdentity> all = VehicleIdentities.readFile(vinFile);
            if (all.isEmpty()) {
                throw bad("no VINs in " + vinFile);
            }
            if (vehicles == null) {
                return all;
            }
            if (vehicles > all.size()) {
                throw bad("--vehicles " + vehicles + " but " + vinFile + " has only " + all.size() + " VINs");
            }
            return all.subList(0, vehicles);
        } catch (IOException e) {
            throw bad("cannot read " + vinFile + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private double[] origin() {
        String[] parts = origin.split(",");
        try {
            if (parts.length == 2) {
                return new double[] {Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip())};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad("--origin must be LAT,LON, not '" + origin + "'");
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
