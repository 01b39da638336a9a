package io.gb32960.simulator.sim;

import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.Heartbeat;
import io.gb32960.protocol.message.LoginCodes;
import io.gb32960.protocol.message.PackCodes;
import io.gb32960.protocol.message.SubsystemCodes;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.message.TimeCalibration;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.message.VehicleLogout;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;
import io.gb32960.protocol.wire.FixedString;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One simulated terminal (车载终端): a state machine driven by its event loop's timers and its
 * channel's events, following Annex B.2.2 of the standard:
 * <ol>
 *   <li>connect and send vehicle login 0x01 (serial +1 per login, restarting daily);</li>
 *   <li>no answer within {@code loginRetry}: send it again; after {@code loginAttempts} failures in a
 *   row wait {@code loginBackoff};</li>
 *   <li>logged in: time calibration 0x08 once, buffered frames as reissue 0x03, heartbeat 0x07 every
 *   {@code heartbeat};</li>
 *   <li>from the first login on, every {@code interval}, connected or not: a realtime report 0x02,
 *   or, when it cannot be sent, the same report as reissue 0x03 into a bounded buffer;</li>
 *   <li>connection lost: reconnect after a jittered {@code reconnectDelay}.</li>
 * </ol>
 * Every field is touched only on {@link #loop}, so nothing is synchronized. The state is a handful of
 * scalars, the {@link DrivingModel} and, only while frames are waiting, the reissue buffer.
 */
final class SimulatedVehicle {

    private static final byte IDLE = 0;
    private static final byte CONNECTING = 1;
    private static final byte LOGGING_IN = 2;
    private static final byte ONLINE = 3;
    private static final byte WAITING = 4;
    private static final byte STOPPED = 5;
    private static final int MAX_SERIAL = 65_531;
    private static final LoginCodes NO_SUBSYSTEM_CODES = new SubsystemCodes(1, 0, List.of());

    private final Simulation sim;
    private final VehicleIdentity id;
    private final EventLoop loop;
    private final DrivingModel model;

    private Channel channel;
    private byte state = IDLE;
    private boolean connectedBefore;
    private int failedLogins;
    private int loginSerial;
    private long serialDay = Long.MIN_VALUE;
    private long loginSentAt;
    private long heartbeatSentAt;
    private long calibrationSentAt;
    private long lastTick;
    private ScheduledFuture<?> ticker;
    private ScheduledFuture<?> heartbeats;
    private ScheduledFuture<?> timer;
    /** Reissue frames waiting for a session; null while empty. */
    private ArrayDeque<byte[]> backlog;

    SimulatedVehicle(Simulation sim, VehicleIdentity id, EventLoop loop, long seed) {
        this.sim = sim;
        this.id = id;
        this.loop = loop;
        SimulationConfig c = sim.config();
        this.model = new DrivingModel(seed, c.originLatitude(), c.originLongitude());
    }

    EventLoop loop() {
        return loop;
    }

    VehicleIdentity identity() {
        return id;
    }

    /** Schedules the first connection after {@code delayNanos}; reports start with the first login. */
    void start(long delayNanos) {
        loop.execute(() -> timer = loop.schedule(this::connect, delayNanos, TimeUnit.NANOSECONDS));
    }

    /**
     * Stops timers, sends logout when logged in, closes the connection. Runs on {@link #loop}.
     *
     * @return the close future of the open channel, or null when there is none
     */
    ChannelFuture stop() {
        boolean online = state == ONLINE;
        state = STOPPED;
        ticker = cancel(ticker);
        heartbeats = cancel(heartbeats);
        timer = cancel(timer);
        Channel ch = channel;
        if (ch == null) {
            return null;
        }
        if (online) {
            sim.stats().loggedIn(-1);
        }
        if (online && sim.config().logoutOnStop() && ch.isActive()) {
            write(new VehicleLogout(header(CommandId.VEHICLE_LOGOUT), now(), loginSerial))
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            ch.close();
        }
        return ch.closeFuture();
    }

    // ---- connection and login ----

    private void connect() {
        if (state == STOPPED) {
            return;
        }
        state = CONNECTING;
        SimulationStats stats = sim.stats();
        stats.connectAttempts.increment();
        if (connectedBefore) {
            stats.reconnects.increment();
        }
        connectedBefore = true;
        sim.connect(this).addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                stats.error(stats.connectFailures, "connect " + id.vin(), f.cause());
                if (state == CONNECTING) {
                    loginFailed(sim.config().loginRetry().toNanos());
                }
            }
        });
    }

    void onActive(Channel ch) {
        if (state == STOPPED) {
            ch.close();
            return;
        }
        channel = ch;
        sim.stats().connected(1);
        sendLogin();
    }

    private void sendLogin() {
        state = LOGGING_IN;
        LoginCodes codes = sim.config().edition() == Edition.V2016 ? NO_SUBSYSTEM_CODES
                : new PackCodes(Bytes.of((byte) 1), List.of(FixedString.of(packCode(), PackCodes.CODE_LENGTH)));
        write(new VehicleLogin(header(CommandId.VEHICLE_LOGIN), now(), nextSerial(),
                FixedString.of(id.iccid(), VehicleLogin.ICCID_LENGTH), codes, Bytes.EMPTY));
        loginSentAt = System.nanoTime();
        timer = loop.schedule(this::loginTimedOut, sim.config().loginRetry().toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A 24-character GB/T 34014 style pack code made from the VIN. */
    private String packCode() {
        String code = "SP" + id.vin();
        return code.length() >= PackCodes.CODE_LENGTH ? code.substring(0, PackCodes.CODE_LENGTH)
                : code + "0".repeat(PackCodes.CODE_LENGTH - code.length());
    }

    /** Login serial (登入流水号): +1 per login, 1..65531, starting again at 1 each day (GMT+8). */
    private int nextSerial() {
        long day = LocalDate.ofInstant(Instant.now(), DataTime.BEIJING).toEpochDay();
        if (day != serialDay) {
            serialDay = day;
            loginSerial = 0;
        }
        loginSerial = loginSerial >= MAX_SERIAL ? 1 : loginSerial + 1;
        return loginSerial;
    }

    private void loginTimedOut() {
        if (state == LOGGING_IN) {
            sim.stats().loginTimeouts.increment();
            loginFailed(0);
        }
    }

    /** One more failed login: retry after {@code delayNanos}, or after the backoff when too many failed. */
    private void loginFailed(long delayNanos) {
        timer = cancel(timer);
        long delay = delayNanos;
        if (++failedLogins >= sim.config().loginAttempts()) {
            failedLogins = 0;
            delay = sim.config().loginBackoff().toNanos();
        }
        state = WAITING;
        if (delay == 0) {
            retryLogin();
        } else {
            timer = loop.schedule(this::retryLogin, delay, TimeUnit.NANOSECONDS);
        }
    }

    private void retryLogin() {
        if (state == STOPPED) {
            return;
        }
        if (channel != null && channel.isActive()) {
            sendLogin();
        } else {
            connect();
        }
    }

    private void loggedIn() {
        failedLogins = 0;
        state = ONLINE;
        sim.stats().loggedIn(1);
        write(new TimeCalibration(header(CommandId.TIME_CALIBRATION)));
        calibrationSentAt = System.nanoTime();
        flushBacklog();
        if (ticker == null) {
            // the first report right away, then every interval, logged in or not, until the end
            long interval = sim.config().interval().toNanos();
            ticker = loop.scheduleAtFixedRate(this::tick, 0, interval, TimeUnit.NANOSECONDS);
        }
        long period = sim.config().heartbeat().toNanos();
        heartbeats = loop.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.NANOSECONDS);
    }

    private void heartbeat() {
        if (state == ONLINE) {
            write(new Heartbeat(header(CommandId.HEARTBEAT)));
            heartbeatSentAt = System.nanoTime();
        }
    }

    // ---- channel events ----

    /** A frame from the platform: responses are counted and timed; commands (0x80-0x82) only counted. */
    void onFrame(FrameHeader h, int length) {
        SimulationStats stats = sim.stats();
        stats.received(h.command(), h.responseFlag(), length);
        if (h.isCommand()) {
            return;
        }
        long now = System.nanoTime();
        if (h.command() == CommandId.VEHICLE_LOGIN.id()) {
            if (loginSentAt != 0) {
                stats.loginLatency.recordNanos(now - loginSentAt);
                loginSentAt = 0;
            }
            if (state != LOGGING_IN) {
                return;
            }
            timer = cancel(timer);
            if (h.responseFlag() == ResponseFlag.SUCCESS) {
                loggedIn();
            } else {
                stats.error(stats.loginRejected, "login of " + id.vin() + " answered "
                        + ResponseFlag.nameOf(h.responseFlag()), null);
                loginFailed(sim.config().loginRetry().toNanos());
            }
        } else if (h.command() == CommandId.HEARTBEAT.id() && heartbeatSentAt != 0) {
            stats.heartbeatLatency.recordNanos(now - heartbeatSentAt);
            heartbeatSentAt = 0;
        } else if (h.command() == CommandId.TIME_CALIBRATION.id() && calibrationSentAt != 0) {
            stats.calibrationLatency.recordNanos(now - calibrationSentAt);
            calibrationSentAt = 0;
        }
    }

    void onInactive(Channel ch) {
        if (ch != channel) {
            return;
        }
        channel = null;
        SimulationStats stats = sim.stats();
        stats.connected(-1);
        heartbeats = cancel(heartbeats);
        if (state == STOPPED) {
            return;
        }
        stats.disconnects.increment();
        if (state == ONLINE) {
            stats.loggedIn(-1);
            state = WAITING;
            long base = sim.config().reconnectDelay().toNanos();
            long delay = base / 2 + (base > 1 ? ThreadLocalRandom.current().nextLong(base / 2 + 1) : 0);
            timer = loop.schedule(this::connect, delay, TimeUnit.NANOSECONDS);
        } else if (state == LOGGING_IN) {
            stats.error(stats.loginAborted, "connection of " + id.vin() + " closed before the login answer", null);
            loginFailed(sim.config().loginRetry().toNanos());
        }
    }

    void onWritable() {
        if (state == ONLINE && channel != null && channel.isWritable()) {
            flushBacklog();
        }
    }

    // ---- reports ----

    private void tick() {
        if (state == STOPPED) {
            return;
        }
        SimulationConfig c = sim.config();
        long nanos = System.nanoTime();
        double seconds = lastTick == 0 ? c.interval().toNanos() / 1e9 : (nanos - lastTick) / 1e9;
        lastTick = nanos;
        try {
            model.advance(seconds * c.timeScale());
            model.nextFrame(c.alarmProbability());
            DataTime time = now();
            if (state == ONLINE && channel.isWritable()) {
                flushBacklog();
                write(TelemetryReport.of(header(CommandId.REALTIME_REPORT), time, TelemetryUnits.of(model, c.edition())));
            } else {
                keep(TelemetryReport.of(header(CommandId.REISSUE_REPORT), time, TelemetryUnits.of(model, c.edition())));
            }
        } catch (RuntimeException e) {
            sim.stats().error(sim.stats().internalErrors, "report of " + id.vin(), e);
        }
    }

    private void keep(TelemetryReport reissue) {
        SimulationStats stats = sim.stats();
        int limit = sim.config().reissueBuffer();
        if (limit == 0) {
            stats.reissueDropped.increment();
            return;
        }
        if (backlog == null) {
            backlog = new ArrayDeque<>(Math.min(limit, 8));
        }
        if (backlog.size() >= limit) {
            backlog.pollFirst();
            stats.reissueDropped.increment();
        }
        backlog.addLast(sim.encoder().encode(reissue));
        stats.reissueBuffered.increment();
    }

    private void flushBacklog() {
        if (backlog == null) {
            return;
        }
        Channel ch = channel;
        while (!backlog.isEmpty() && ch.isWritable()) {
            byte[] frame = backlog.pollFirst();
            sim.stats().sent(CommandId.REISSUE_REPORT.id(), frame.length);
            ch.write(Unpooled.wrappedBuffer(frame), ch.voidPromise());
        }
        ch.flush();
        if (backlog.isEmpty()) {
            backlog = null;
        }
    }

    /** Encodes with the shared encoder straight into a pooled buffer and flushes. */
    private ChannelFuture write(Gb32960Message message) {
        Channel ch = channel;
        ByteBuf buf = ch.alloc().ioBuffer(256);
        try {
            sim.encoder().encode(message, buf);
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
        sim.stats().sent(message.header().command(), buf.readableBytes());
        return ch.writeAndFlush(buf).addListener(sim.writeFailureCounter());
    }

    private FrameHeader header(CommandId command) {
        return FrameHeader.command(sim.config().edition(), command.id(), id.vin());
    }

    private static DataTime now() {
        return DataTime.of(Instant.now());
    }

    /** Cancels {@code f} if set; returns null for the caller to drop its reference. */
    private static ScheduledFuture<?> cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
        return null;
    }
}
