package io.gb32960.simulator.sim;

import io.gb32960.protocol.codec.Direction;
import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.codec.ResponseStyle;
import io.gb32960.protocol.codec.TerminalProfile;
import io.gb32960.protocol.control.UpgradeLayout;
import io.gb32960.protocol.crypto.KeyProvider;
import io.gb32960.protocol.codec.Gb32960Encoder;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs many simulated terminals against one platform on a single Netty event-loop group (epoll on
 * Linux, NIO elsewhere; {@link SimulationConfig#threads()} threads for all vehicles, none per
 * vehicle). One encoder and one bootstrap are shared.
 *
 * <pre>{@code
 * Simulation sim = new Simulation(SimulationConfig.builder().port(32960).vehicles(1000)
 *         .interval(Duration.ofSeconds(10)).duration(Duration.ofMinutes(5)).build());
 * sim.start();
 * SimulationSummary summary = sim.awaitCompletion();   // waits for the duration, then stops
 * }</pre>
 *
 * {@link #stop()} may be called at any time from any thread that is not one of the simulation's
 * event loops; it sends logouts, closes the connections and shuts the event loops down.
 */
public final class Simulation {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final SimulationConfig config;
    private final SimulationStats stats = new SimulationStats();
    private final Gb32960Encoder encoder = Gb32960Encoder.plain();
    private final Gb32960Decoder decoder = Gb32960Decoder.downlink();
    /** For a remote upgrade that is not in the default (Table B.16 binary) layout: Table B.15 text. */
    private final Gb32960Decoder textUpgradeDecoder = new Gb32960Decoder(Direction.DOWNLINK,
            vin -> new TerminalProfile("text-upgrade", ResponseStyle.TIME_ONLY, UpgradeLayout.TABLE_B15_TEXT),
            KeyProvider.NONE);
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final ChannelFutureListener writeFailureCounter = f -> {
        if (!f.isSuccess()) {
            stats.error(stats.channelErrors, "write", f.cause());
        }
    };
    private final Transport transport;
    /** Resolved once; null in direct mode. */
    private final InetSocketAddress dispatcherAddress;
    private EventLoopGroup group;
    private Bootstrap bootstrap;
    private SimulatedVehicle[] vehicles;
    private Upgrader upgrader;
    private volatile long startNanos;
    private volatile long stopNanos;
    private boolean started;
    private boolean stopped;

    public Simulation(SimulationConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.transport = config.transport().resolve();
        SimulationConfig.Dispatch d = config.dispatch();
        this.dispatcherAddress = d == null ? null : new InetSocketAddress(d.host(), d.port());
    }

    /** Creates the event loops and schedules every vehicle's start over the ramp-up. Call once. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        group = new MultiThreadIoEventLoopGroup(config.threads(), new DefaultThreadFactory("gb32960-sim", true),
                transport.ioHandlerFactory());
        bootstrap = new Bootstrap().group(group).channel(transport.channelClass())
                .remoteAddress(new InetSocketAddress(config.host(), config.port()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        config.connectTimeout().toMillis()))
                .option(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(64, 256, 4096));
        upgrader = new Upgrader(config.upgrade(), 8);
        int n = config.vehicles().size();
        vehicles = new SimulatedVehicle[n];
        startNanos = System.nanoTime();
        long rampUp = config.rampUp().toNanos();
        for (int i = 0; i < n; i++) {
            vehicles[i] = new SimulatedVehicle(this, config.vehicles().get(i), group.next(),
                    config.seed() * 1_000_003L + i);
            vehicles[i].start(n == 1 ? 0 : rampUp / n * i);
        }
        if (!config.duration().isZero()) {
            group.next().schedule(() -> finished.complete(null), config.duration().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Waits up to {@code timeout} for the configured duration to pass (or for {@link #stop()}).
     *
     * @return true when it has passed
     */
    public boolean awaitDuration(Duration timeout) throws InterruptedException {
        try {
            finished.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the configured duration (forever when it is zero, until {@link #stop()}), stops, summarises. */
    public SimulationSummary awaitCompletion() throws InterruptedException {
        try {
            finished.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        stop();
        return summary();
    }

    /** Stops every vehicle (logout, close) and shuts the event loops down; idempotent. */
    public void stop() {
        synchronized (this) {
            if (!started || stopped) {
                return;
            }
            for (io.netty.util.concurrent.EventExecutor loop : group) {
                if (loop.inEventLoop()) {
                    throw new IllegalStateException("stop() called from a simulation event loop");
                }
            }
            stopped = true;
        }
        stopNanos = System.nanoTime();
        finished.complete(null);
        CountDownLatch closed = new CountDownLatch(vehicles.length);
        for (SimulatedVehicle v : vehicles) {
            v.loop().execute(() -> {
                ChannelFuture f = v.stop();
                if (f == null) {
                    closed.countDown();
                } else {
                    f.addListener(x -> closed.countDown());
                }
            });
        }
        try {
            closed.await(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            group.shutdownGracefully(0, STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .await(2 * STOP_TIMEOUT.toMillis());
            upgrader.shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Live counters for progress output. */
    public Progress progress() {
        long end = stopNanos != 0 ? stopNanos : System.nanoTime();
        return stats.progress(startNanos == 0 ? 0 : end - startNanos, config.vehicles().size());
    }

    /** The counters so far (final once {@link #stop()} has returned). */
    public SimulationSummary summary() {
        long end = stopNanos != 0 ? stopNanos : System.nanoTime();
        return stats.summary(config.edition().label(), transport.name().toLowerCase(java.util.Locale.ROOT),
                config.vehicles().size(), config.threads(), startNanos == 0 ? 0 : end - startNanos,
                config.dispatch() != null);
    }

    public SimulationConfig config() {
        return config;
    }

    /**
     * Remote upgrades so far.
     *
     * @param started        downloads started (commands and checks)
     * @param resumed        downloads broken off halfway and resumed with Range/If-Range
     * @param installed      installs that changed the reported version
     * @param failedInstalls installs that failed on purpose (the failure rate)
     * @param downloadErrors downloads that failed (HTTP error, MD5 mismatch, unsupported URL)
     * @param checks         OTA version checks made
     * @param checkUpgrades  checks that answered with an upgrade
     */
    public record UpgradeStats(long started, long resumed, long installed, long failedInstalls, long downloadErrors,
                               long checks, long checkUpgrades) {
    }

    /** The upgrade counters (zero before {@link #start()}). */
    public UpgradeStats upgrades() {
        Upgrader u = upgrader;
        return u == null ? new UpgradeStats(0, 0, 0, 0, 0, 0, 0) : new UpgradeStats(u.started.sum(), u.resumed.sum(),
                u.installed.sum(), u.failedInstalls.sum(), u.downloadErrors.sum(), u.checks.sum(), u.checkUpgrades.sum());
    }

    /** Changes the share of installs that fail while running (0..1). */
    public void setUpgradeFailureRate(double rate) {
        upgrader.setFailureRate(rate);
    }

    /** The firmware version each vehicle reports now, by VIN. */
    public java.util.Map<String, String> firmwareVersions() {
        java.util.Map<String, String> versions = new java.util.LinkedHashMap<>();
        for (SimulatedVehicle v : vehicles) {
            versions.put(v.identity().vin(), v.firmwareVersion());
        }
        return versions;
    }

    Upgrader upgrader() {
        return upgrader;
    }

    /** The transport in use (AUTO resolved). */
    public Transport transport() {
        return transport;
    }

    SimulationStats stats() {
        return stats;
    }

    Gb32960Encoder encoder() {
        return encoder;
    }

    /** Decodes the downlink frames a vehicle acts on (commands 0x80-0x82, assignment 0xC0). */
    Gb32960Decoder decoder() {
        return decoder;
    }

    /** The decoder to try when {@link #decoder()} rejects a control 0x82 (a text-layout remote upgrade). */
    Gb32960Decoder textUpgradeDecoder() {
        return textUpgradeDecoder;
    }

    ChannelFutureListener writeFailureCounter() {
        return writeFailureCounter;
    }

    /** Connects {@code v} on its own event loop to the platform (direct mode). */
    ChannelFuture connect(SimulatedVehicle v) {
        return bootstrap.clone(v.loop()).handler(VehicleChannelHandler.initializer(v, this)).connect();
    }

    /** The dispatcher's address, resolved once (dispatch mode only). */
    InetSocketAddress dispatcherAddress() {
        return dispatcherAddress;
    }

    /** Connects {@code v} on its own event loop to {@code address} (dispatcher or assigned node). */
    ChannelFuture connect(SimulatedVehicle v, InetSocketAddress address) {
        return bootstrap.clone(v.loop()).handler(VehicleChannelHandler.initializer(v, this)).connect(address);
    }
}
