package io.gb32960.simulator.sim;

import io.gb32960.platform.common.cluster.Assignment;
import io.gb32960.protocol.control.CustomControl;
import io.gb32960.protocol.control.RemoteUpgrade;
import io.gb32960.protocol.control.TerminalControl;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.EncryptionType;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.ControlCommand;
import io.gb32960.protocol.message.ControlResponse;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.Heartbeat;
import io.gb32960.protocol.message.LoginCodes;
import io.gb32960.protocol.message.PackCodes;
import io.gb32960.protocol.message.PlatformCustomMessage;
import io.gb32960.protocol.message.PlatformLogin;
import io.gb32960.protocol.message.QueryCommand;
import io.gb32960.protocol.message.QueryResponse;
import io.gb32960.protocol.message.SetCommand;
import io.gb32960.protocol.message.SetResponse;
import io.gb32960.protocol.message.SubsystemCodes;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.message.TimeCalibration;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.message.VehicleLogout;
import io.gb32960.protocol.param.Parameter;
import io.gb32960.protocol.param.ParameterId;
import io.gb32960.protocol.param.ParameterList;
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

import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** Platform login 0x05 sent to the dispatcher; waiting for its answer and the assignment 0xC0. */
    private static final byte DISPATCHING = 6;
    private static final long RESTART_DELAY_NANOS = TimeUnit.SECONDS.toNanos(1);
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
    /** Report and heartbeat periods: from the configuration until a set command 0x81 changes them. */
    private long intervalNanos;
    /** Epoch second of the last report's collection time. */
    private long lastCollectedSecond;
    private long heartbeatNanos;
    /** Values of settable parameters the simulator does not model, as last set by 0x81; null until then. */
    private Map<Integer, Parameter> setValues;
    /** Delay of the next reconnect after a lost session instead of the jittered one; -1 for none. */
    private long nextReconnectNanos = -1;
    /** The firmware version reported in parameter 0x08; changes with a successful upgrade (read by tests). */
    private volatile String firmwareVersion;
    /** A remote upgrade is being downloaded or installed. */
    private boolean upgrading;

    // dispatch mode only
    /** Whether {@link #channel} (or the connect under way) goes to the dispatcher. */
    private boolean viaDispatcher;
    /** The assigned node, or null when the next connection must go through the dispatcher. */
    private InetSocketAddress node;
    /** {@code host:port} of the current or last assignment (for the per-node counts). */
    private String nodeLabel;
    /** The token of the assignment until a login with it succeeds or is refused. */
    private String token;
    private int nodeFailures;
    private int platformSerial;

    SimulatedVehicle(Simulation sim, VehicleIdentity id, EventLoop loop, long seed) {
        this.sim = sim;
        this.id = id;
        this.loop = loop;
        SimulationConfig c = sim.config();
        this.model = new DrivingModel(seed, c.originLatitude(), c.originLongitude());
        this.intervalNanos = c.interval().toNanos();
        this.heartbeatNanos = c.heartbeat().toNanos();
        this.firmwareVersion = c.upgrade().firmwareVersion();
    }

    String firmwareVersion() {
        return firmwareVersion;
    }

    EventLoop loop() {
        return loop;
    }

    VehicleIdentity identity() {
        return id;
    }

    /** Schedules the power-up after {@code delayNanos}; reports start with the first login. */
    void start(long delayNanos) {
        loop.execute(() -> timer = loop.schedule(this::powerUp, delayNanos, TimeUnit.NANOSECONDS));
    }

    /** Power-up: the OTA version check when configured (an upgrade it offers starts at once), then the connection. */
    private void powerUp() {
        if (state == STOPPED) {
            return;
        }
        if (sim.config().upgrade().checkUrl() == null) {
            connect();
            return;
        }
        sim.upgrader().check(id.vin(), sim.config().upgrade().hardwareVersion(), firmwareVersion,
                answer -> afterCheck(() -> {
                    if (answer != null && !answer.url().isEmpty()) {
                        startUpgrade(answer.url(), answer.md5(), answer.version());
                    }
                    connect();
                }));
    }

    private void afterCheck(Runnable then) {
        if (!loop.isShuttingDown()) {
            try {
                loop.execute(then);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                // the simulation ended while the check ran
            }
        }
    }

    /** Downloads and installs (on the upgrader's threads, then back on this loop); one upgrade at a time. */
    private void startUpgrade(String url, String md5, String version) {
        if (upgrading || state == STOPPED) {
            return;
        }
        upgrading = true;
        sim.upgrader().upgrade(id.vin(), url, md5 == null || md5.isEmpty() ? null : md5, outcome -> afterInstall(() -> {
            upgrading = false;
            if (outcome == Upgrader.Outcome.INSTALLED && version != null && !version.isEmpty()) {
                firmwareVersion = version;
            }
            if (outcome != Upgrader.Outcome.DOWNLOAD_FAILED && sim.config().upgrade().checkUrl() != null
                    && state != STOPPED) {
                // after an install the terminal restarts and checks again, reporting its version
                sim.upgrader().check(id.vin(), sim.config().upgrade().hardwareVersion(), firmwareVersion, a -> { });
            }
        }));
    }

    /** Runs {@code installed} on this loop after the install time, unless the simulation stopped meanwhile. */
    private void afterInstall(Runnable installed) {
        if (!loop.isShuttingDown()) {
            try {
                loop.schedule(installed, sim.config().upgrade().installTime().toNanos(), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                // the simulation ended while the download ran
            }
        }
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
        SimulationConfig.Dispatch dispatch = sim.config().dispatch();
        viaDispatcher = dispatch != null && node == null;
        ChannelFuture connecting;
        if (viaDispatcher) {
            connecting = sim.connect(this, sim.dispatcherAddress());
        } else {
            if (connectedBefore) {
                stats.reconnects.increment();
            }
            connectedBefore = true;
            connecting = node != null ? sim.connect(this, node) : sim.connect(this);
        }
        String where = viaDispatcher ? "dispatcher " + dispatch.address() : nodeLabel != null ? "node " + nodeLabel : "";
        connecting.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                stats.error(stats.connectFailures, "connect " + id.vin() + (where.isEmpty() ? "" : " to " + where),
                        f.cause());
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
        if (viaDispatcher) {
            sendPlatformLogin();
        } else {
            sendLogin();
        }
    }

    /** Dispatch step 1: platform login 0x05 with the account, the VIN as unique id. */
    private void sendPlatformLogin() {
        state = DISPATCHING;
        SimulationConfig.Dispatch d = sim.config().dispatch();
        platformSerial = platformSerial >= MAX_SERIAL ? 1 : platformSerial + 1;
        sim.stats().dispatchAttempts.increment();
        write(new PlatformLogin(header(CommandId.PLATFORM_LOGIN), now(), platformSerial,
                FixedString.of(d.account(), PlatformLogin.USERNAME_LENGTH),
                FixedString.of(d.password(), PlatformLogin.PASSWORD_LENGTH), EncryptionType.NONE.id()));
        timer = loop.schedule(this::loginTimedOut, sim.config().loginRetry().toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A frame on the dispatcher connection: the platform login answer, then the assignment. */
    private void onDispatchFrame(FrameHeader h, Gb32960Message message) {
        if (state != DISPATCHING) {
            return;
        }
        SimulationStats stats = sim.stats();
        if (h.command() == CommandId.PLATFORM_LOGIN.id() && !h.isCommand()) {
            if (h.responseFlag() != ResponseFlag.SUCCESS) {
                stats.dispatchRefusals.increment();
                stats.error(stats.loginRejected, "dispatch login of " + id.vin() + " answered "
                        + ResponseFlag.nameOf(h.responseFlag()), null);
                loginFailed(sim.config().loginRetry().toNanos());
            }
        } else if (h.command() == Assignment.COMMAND && message instanceof PlatformCustomMessage custom) {
            Assignment a;
            try {
                a = Assignment.from(custom);
            } catch (RuntimeException e) {
                stats.error(stats.badFrames, "bad assignment for " + id.vin() + ": " + custom.data().toHex(), null);
                loginFailed(sim.config().loginRetry().toNanos());
                return;
            }
            timer = cancel(timer);
            stats.dispatchSuccesses.increment();
            String label = a.host() + ":" + a.port();
            stats.assigned(nodeLabel, label);
            nodeLabel = label;
            node = new InetSocketAddress(a.host(), a.port());
            token = a.token();
            nodeFailures = 0;
            detach();
            connect();
        }
    }

    /** Closes the current connection without treating it as a lost session. */
    private void detach() {
        Channel ch = channel;
        if (ch != null) {
            channel = null;
            sim.stats().connected(-1);
            ch.close();
        }
    }

    private void sendLogin() {
        state = LOGGING_IN;
        LoginCodes codes = sim.config().edition() == Edition.V2016 ? NO_SUBSYSTEM_CODES
                : new PackCodes(Bytes.of((byte) 1), List.of(FixedString.of(packCode(), PackCodes.CODE_LENGTH)));
        Bytes extension = token != null ? Assignment.loginExtension(token) : Bytes.EMPTY;
        write(new VehicleLogin(header(CommandId.VEHICLE_LOGIN), now(), nextSerial(),
                FixedString.of(id.iccid(), VehicleLogin.ICCID_LENGTH), codes, extension));
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
        if (state == LOGGING_IN || state == DISPATCHING) {
            sim.stats().loginTimeouts.increment();
            loginFailed(0);
        }
    }

    /** One more failed login: retry after {@code delayNanos}, or after the backoff when too many failed. */
    private void loginFailed(long delayNanos) {
        timer = cancel(timer);
        if (!viaDispatcher && node != null && ++nodeFailures >= SimulationConfig.Dispatch.NODE_ATTEMPTS) {
            node = null; // the next attempt asks the dispatcher for a new assignment
        }
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
        if (channel != null && channel.isActive() && !viaDispatcher
                && (sim.config().dispatch() == null || node != null)) {
            sendLogin();
        } else {
            detach();
            connect();
        }
    }

    private void loggedIn() {
        failedLogins = 0;
        nodeFailures = 0;
        token = null; // spent
        state = ONLINE;
        sim.stats().loggedIn(1);
        write(new TimeCalibration(header(CommandId.TIME_CALIBRATION)));
        calibrationSentAt = System.nanoTime();
        flushBacklog();
        if (ticker == null) {
            // the first report right away, then every interval, logged in or not, until the end
            ticker = loop.scheduleAtFixedRate(this::tick, 0, intervalNanos, TimeUnit.NANOSECONDS);
        }
        heartbeats = loop.scheduleAtFixedRate(this::heartbeat, heartbeatNanos, heartbeatNanos, TimeUnit.NANOSECONDS);
    }

    private void heartbeat() {
        if (state == ONLINE) {
            write(new Heartbeat(header(CommandId.HEARTBEAT)));
            heartbeatSentAt = System.nanoTime();
        }
    }

    // ---- channel events ----

    /**
     * A frame from the platform: responses are counted and timed; commands 0x80-0x82 (decoded in
     * {@code message}) are answered while logged in; on the dispatcher connection the platform login
     * answer and the assignment 0xC0 drive the dispatch.
     */
    void onFrame(Channel ch, FrameHeader h, int length, Gb32960Message message) {
        SimulationStats stats = sim.stats();
        stats.received(h.command(), h.responseFlag(), length);
        if (ch != channel) {
            return; // late frames of a connection already left (a dispatcher's, a closed node's)
        }
        if (viaDispatcher) {
            onDispatchFrame(h, message);
            return;
        }
        if (h.isCommand()) {
            if (message != null && h.command() >= CommandId.QUERY.id() && h.command() <= CommandId.TERMINAL_CONTROL.id()) {
                stats.commandReceived(h.command());
                if (state == ONLINE) {
                    onCommand(message);
                }
            }
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
                        + ResponseFlag.nameOf(h.responseFlag()) + (nodeLabel != null ? " at node " + nodeLabel : ""),
                        null);
                if (sim.config().dispatch() != null) {
                    // the token is spent or was refused: the next login needs a fresh assignment, now
                    node = null;
                    token = null;
                    loginFailed(0);
                } else {
                    loginFailed(sim.config().loginRetry().toNanos());
                }
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
            if (nextReconnectNanos >= 0) {
                delay = nextReconnectNanos;
                nextReconnectNanos = -1;
            }
            timer = loop.schedule(this::connect, delay, TimeUnit.NANOSECONDS);
        } else if (state == LOGGING_IN || state == DISPATCHING) {
            stats.error(stats.loginAborted, "connection of " + id.vin() + " closed before the "
                    + (state == DISPATCHING ? "assignment" : "login answer"), null);
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
        double seconds = lastTick == 0 ? intervalNanos / 1e9 : (nanos - lastTick) / 1e9;
        lastTick = nanos;
        try {
            model.advance(seconds * c.timeScale());
            model.nextFrame(c.alarmProbability());
            DataTime time = collectionTime();
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

    // ---- downlink commands (B.3.5-B.3.7): answer, then act ----

    private void onCommand(Gb32960Message m) {
        try {
            if (m instanceof QueryCommand q) {
                answerQuery(q);
            } else if (m instanceof SetCommand s) {
                answerSet(s);
            } else if (m instanceof ControlCommand c) {
                answerControl(c);
            }
        } catch (RuntimeException e) {
            sim.stats().error(sim.stats().internalErrors, "answer to " + m.header().commandName() + " for " + id.vin(), e);
        }
    }

    private void answerQuery(QueryCommand q) {
        List<Parameter> items = new ArrayList<>(q.parameterIds().size() + 2);
        for (int pid : q.parameterIds()) {
            ParameterId p = ParameterId.find(pid);
            if (p == null) {
                continue; // a user-defined id: nothing modelled to report
            }
            ParameterId length = p.lengthParameter();
            if (length != null && items.stream().noneMatch(i -> i.id() == length.id())) {
                items.add(parameter(length)); // a domain's width comes from its length item before it
            }
            items.add(parameter(p));
        }
        answer(new QueryResponse(answerHeader(CommandId.QUERY, ResponseFlag.SUCCESS), now(), ParameterList.of(items)));
    }

    /** The current value of {@code p} in this frame's edition. */
    private Parameter parameter(ParameterId p) {
        Parameter set = setValues == null ? null : setValues.get(p.id());
        if (set != null) {
            return set;
        }
        Edition e = sim.config().edition();
        SimulationConfig c = sim.config();
        return switch (p) {
            case LOCAL_STORAGE_PERIOD_MS -> Parameter.ofNumber(p, 1000, e);
            case REPORT_PERIOD_S -> Parameter.ofNumber(p, seconds(intervalNanos, maxOf(p, e)), e);
            // 2016: milliseconds (WORD); 2025: BYTE
            case ALARM_REPORT_PERIOD -> Parameter.ofNumber(p, e == Edition.V2016 ? 1000 : 1, e);
            case PLATFORM_DOMAIN_LENGTH -> Parameter.ofByte(p, platformHost().length());
            case PLATFORM_DOMAIN -> Parameter.ofText(p, platformHost());
            case PLATFORM_PORT -> Parameter.ofWord(p, node != null ? node.getPort() : c.port());
            case HARDWARE_VERSION -> Parameter.ofText(p, fixed(c.upgrade().hardwareVersion(), p.width(e)));
            case FIRMWARE_VERSION -> Parameter.ofText(p, fixed(firmwareVersion, p.width(e)));
            case HEARTBEAT_PERIOD_S -> Parameter.ofByte(p, seconds(heartbeatNanos, 0xFF));
            case TERMINAL_RESPONSE_TIMEOUT_S -> Parameter.ofWord(p, 60);
            case PLATFORM_RESPONSE_TIMEOUT_S -> Parameter.ofWord(p, seconds(c.loginRetry().toNanos(), 0xFFFF));
            case LOGIN_RETRY_WAIT_MIN -> Parameter.ofByte(p,
                    (int) Math.max(1, Math.min(0xFF, c.loginBackoff().toMinutes())));
            case PUBLIC_PLATFORM_DOMAIN_LENGTH -> Parameter.ofByte(p, publicHost().length());
            case PUBLIC_PLATFORM_DOMAIN -> Parameter.ofText(p, publicHost());
            case PUBLIC_PLATFORM_PORT -> Parameter.ofWord(p, c.dispatch() != null ? c.dispatch().port() : c.port());
            case SAMPLING_INSPECTION -> Parameter.ofByte(p, 0x02); // 0x02: not under sampling inspection
        };
    }

    /** A STRING[n] value (Table B.10): cut to n characters or padded with spaces. */
    private static String fixed(String text, int n) {
        return text.length() >= n ? text.substring(0, n) : text + " ".repeat(n - text.length());
    }

    private String platformHost() {
        return node != null ? node.getHostString() : sim.config().host();
    }

    private String publicHost() {
        SimulationConfig c = sim.config();
        return c.dispatch() != null ? c.dispatch().host() : c.host();
    }

    private static int maxOf(ParameterId p, Edition e) {
        return p.width(e) == 1 ? 0xFF : 0xFFFF;
    }

    /** Whole seconds of {@code nanos}, at least 1, at most {@code max}. */
    private static int seconds(long nanos, int max) {
        return (int) Math.max(1, Math.min(max, Math.round(nanos / 1e9)));
    }

    /**
     * Applies a set command when every item can be set (all or nothing): report period and heartbeat
     * take effect, other settable values are kept for later queries. Query-only ids (0x07, 0x08),
     * unknown ids and zero periods are refused with flag 0x02.
     */
    private void answerSet(SetCommand s) {
        ParameterList list = s.parameters();
        boolean ok = list.unparsed().isEmpty();
        for (Parameter item : list.items()) {
            ParameterId p = item.known();
            if (p == null || !p.settable()
                    || (p == ParameterId.REPORT_PERIOD_S || p == ParameterId.HEARTBEAT_PERIOD_S) && item.asNumber() == 0) {
                ok = false;
            }
        }
        if (ok) {
            for (Parameter item : list.items()) {
                ParameterId p = item.known();
                if (p == ParameterId.REPORT_PERIOD_S) {
                    setInterval(TimeUnit.SECONDS.toNanos(item.asNumber()));
                } else if (p == ParameterId.HEARTBEAT_PERIOD_S) {
                    setHeartbeat(TimeUnit.SECONDS.toNanos(item.asNumber()));
                } else {
                    if (setValues == null) {
                        setValues = new HashMap<>();
                    }
                    setValues.put(item.id(), item);
                }
            }
        }
        answer(new SetResponse(answerHeader(CommandId.SET, ok ? ResponseFlag.SUCCESS : ResponseFlag.ERROR), now(), null));
    }

    private void setInterval(long nanos) {
        intervalNanos = nanos;
        if (ticker != null) {
            ticker.cancel(false);
            ticker = loop.scheduleAtFixedRate(this::tick, nanos, nanos, TimeUnit.NANOSECONDS);
        }
    }

    private void setHeartbeat(long nanos) {
        heartbeatNanos = nanos;
        if (heartbeats != null) {
            heartbeats.cancel(false);
            heartbeats = loop.scheduleAtFixedRate(this::heartbeat, nanos, nanos, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Answers a control (success for the standard controls, error for user-defined ones), then acts:
     * 0x05 closes the data link (reconnect per the usual rules), 0x02/0x03/0x04 close and reconnect
     * after a short restart delay; 0x01 upgrade downloads and installs the firmware of its URL
     * ({@link SimulationConfig.Upgrade}); 0x06 alarm and 0x07 are only counted.
     */
    private void answerControl(ControlCommand c) {
        TerminalControl control = c.control();
        sim.stats().control(control.controlId());
        boolean known = !(control instanceof CustomControl);
        ChannelFuture answered = answer(new ControlResponse(answerHeader(CommandId.TERMINAL_CONTROL,
                known ? ResponseFlag.SUCCESS : ResponseFlag.ERROR), now(), null));
        int cid = control.controlId();
        if (cid == TerminalControl.SHUTDOWN || cid == TerminalControl.RESET || cid == TerminalControl.FACTORY_RESET) {
            nextReconnectNanos = Math.min(RESTART_DELAY_NANOS, sim.config().reconnectDelay().toNanos());
            answered.addListener(ChannelFutureListener.CLOSE);
        } else if (cid == TerminalControl.DISCONNECT_DATA_LINK) {
            answered.addListener(ChannelFutureListener.CLOSE);
        } else if (control instanceof RemoteUpgrade u) {
            startUpgrade(u.url(), null, u.firmwareVersion());
        }
    }

    private ChannelFuture answer(Gb32960Message m) {
        SimulationStats stats = sim.stats();
        stats.commandsAnswered.increment();
        if (m.header().responseFlag() != ResponseFlag.SUCCESS) {
            stats.commandsRefused.increment();
        }
        return write(m);
    }

    private FrameHeader answerHeader(CommandId command, int flag) {
        return new FrameHeader(sim.config().edition(), command.id(), flag, id.vin(), EncryptionType.NONE.id(), 0);
    }

    private FrameHeader header(CommandId command) {
        return FrameHeader.command(sim.config().edition(), command.id(), id.vin());
    }

    private static DataTime now() {
        return DataTime.of(Instant.now());
    }

    /**
     * The collection time of a report (whole seconds). With reports a second or more apart, a late
     * tick followed closely by the next one could fall in the same second; a terminal's collection
     * times never repeat (they identify the report), so the later one moves to the next second.
     */
    private DataTime collectionTime() {
        long second = Instant.now().getEpochSecond();
        if (intervalNanos >= 1_000_000_000L && second <= lastCollectedSecond) {
            second = lastCollectedSecond + 1;
        }
        lastCollectedSecond = second;
        return DataTime.of(Instant.ofEpochSecond(second));
    }

    /** Cancels {@code f} if set; returns null for the caller to drop its reference. */
    private static ScheduledFuture<?> cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
        return null;
    }
}
