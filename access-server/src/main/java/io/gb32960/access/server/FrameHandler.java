package io.gb32960.access.server;

import io.gb32960.access.command.CommandExecutor;
import io.gb32960.access.event.InvalidFramePublisher;
import io.gb32960.access.login.PlatformLogins;
import io.gb32960.access.login.VehicleLogins;
import io.gb32960.access.session.Connection;
import io.gb32960.access.session.KeyStore;
import io.gb32960.access.session.LocalSessions;
import io.gb32960.access.session.RegistryCache;
import io.gb32960.access.session.Responder;
import io.gb32960.platform.common.event.VehicleEvent.OfflineReason;
import io.gb32960.platform.common.redis.SessionStore;
import io.gb32960.protocol.codec.DecodeError;
import io.gb32960.protocol.codec.Gb32960DecodeException;
import io.gb32960.protocol.codec.Direction;
import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.codec.TerminalProfile;
import io.gb32960.protocol.crypto.KeyProvider;
import io.gb32960.platform.common.registry.RegisteredVehicle;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.Activation;
import io.gb32960.protocol.message.ActivationResponse;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.KeyExchange;
import io.gb32960.protocol.message.PlatformLogin;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.message.VehicleLogout;
import io.gb32960.protocol.netty.FrameFailure;
import io.gb32960.protocol.netty.Gb32960Frame;
import io.gb32960.protocol.wire.Hex;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last handler of an access connection: checks who may send what, answers per the terminal
 * profile, and hands realtime/reissue frames to {@link TelemetryGate} undecoded. Sharable: the
 * per-connection state is the channel's {@link Connection}.
 */
@ChannelHandler.Sharable
public final class FrameHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(FrameHandler.class);

    private final AccessServerProperties props;
    private final String nodeId;
    private final LocalSessions sessions;
    private final RegistryCache registry;
    private final SessionStore sessionStore;
    private final VehicleLogins vehicleLogins;
    private final PlatformLogins platformLogins;
    private final KeyStore keys;
    private final TelemetryGate telemetry;
    private final InvalidFramePublisher invalid;
    private final Responder responder;
    private final MeterRegistry meters;
    private final CommandExecutor commands;
    private final BadInputLog badInputLog = new BadInputLog();
    private final FrameCounters framesIn;
    private final Gb32960Decoder decoder;
    private final AtomicLong connectionIds = new AtomicLong();
    /** Connection ids are unique across restarts of a node (a stale route must never match a new connection). */
    private final String connectionPrefix;
    private final long sessionRefreshNanos;

    public FrameHandler(AccessServerProperties props, String nodeId, LocalSessions sessions, RegistryCache registry,
                        SessionStore sessionStore, VehicleLogins vehicleLogins, PlatformLogins platformLogins,
                        KeyStore keys, TelemetryGate telemetry, InvalidFramePublisher invalid, Responder responder,
                        CommandExecutor commands, MeterRegistry meters) {
        this.commands = commands;
        this.props = props;
        this.nodeId = nodeId;
        this.sessions = sessions;
        this.registry = registry;
        this.sessionStore = sessionStore;
        this.vehicleLogins = vehicleLogins;
        this.platformLogins = platformLogins;
        this.keys = keys;
        this.telemetry = telemetry;
        this.invalid = invalid;
        this.responder = responder;
        this.meters = meters;
        this.sessionRefreshNanos = props.sessionTtl().toNanos() / 3;
        this.connectionPrefix = nodeId + "-" + Long.toString(System.currentTimeMillis(), 36) + "-";
        this.framesIn = new FrameCounters(meters);
        // each terminal's answers are read the way its registered model speaks (e.g. the upgrade layout)
        this.decoder = new Gb32960Decoder(Direction.UPLINK,
                vin -> registry.cached(vin).map(RegisteredVehicle::profile).orElse(TerminalProfile.DEFAULT),
                KeyProvider.NONE);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        Connection c = new Connection(ctx.channel(), connectionPrefix + connectionIds.incrementAndGet(), remote(ctx));
        ctx.channel().attr(Connection.KEY).set(c);
        sessions.opened(c);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Connection c = Connection.of(ctx.channel());
        if (c != null) {
            vehicleLogins.offline(c, OfflineReason.CONNECTION_CLOSED);
            sessions.closed(c);
            c.releaseHeld().forEach(Gb32960Frame::release);
            commands.connectionClosed(c);
            telemetry.connectionClosed(c);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            Connection c = Connection.of(ctx.channel());
            log.info("[{}] idle for {}: closing", c.vin() == null ? c.remote() : c.vin(), props.idleTimeout());
            vehicleLogins.offline(c, OfflineReason.IDLE_TIMEOUT);
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("[{}] connection error: {}", remote(ctx), cause.toString());
        meters.counter("gb32960.connection.errors").increment();
        ctx.close();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Connection c = Connection.of(ctx.channel());
        if (msg instanceof FrameFailure failure) {
            onFailure(c, failure);
        } else if (msg instanceof Gb32960Frame frame) {
            if (c.holding()) {
                c.hold(frame); // released after the resume decision
                return;
            }
            try {
                onFrame(c, frame);
            } finally {
                frame.release();
            }
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private void onFrame(Connection c, Gb32960Frame frame) {
        FrameHeader h = frame.header();
        framesIn.increment(h.edition(), h.command());
        int command = h.command();
        if (command == CommandId.REALTIME_REPORT.id() || command == CommandId.REISSUE_REPORT.id()) {
            onReport(c, frame); // the hot path: no decoding, no MDC
            return;
        }
        MDC.put("vin", h.vin());
        try {
            onControlFrame(c, frame);
        } finally {
            MDC.remove("vin");
        }
    }

    private void onControlFrame(Connection c, Gb32960Frame frame) {
        FrameHeader h = frame.header();
        int command = h.command();
        Gb32960Message message;
        try {
            message = decoder.decode(frame.content());
        } catch (Gb32960DecodeException e) {
            bad(c, h, e.error(), e.getMessage(), ByteBufUtil.getBytes(frame.content()));
            return;
        }
        if (message instanceof VehicleLogin login) {
            vehicleLogins.login(c, login);
        } else if (message instanceof PlatformLogin login) {
            onPlatformLogin(c, login);
        } else if (message instanceof Activation activation) {
            onActivation(c, activation);
        } else if (!authorized(c, h.vin()) && !platformLink(c, command)) {
            if (c.state() == Connection.State.NEW
                    && (command == CommandId.HEARTBEAT.id() || command == CommandId.TIME_CALIBRATION.id())) {
                resume(c, frame);
            } else {
                reject(c, h, "not logged in");
            }
        } else if (message instanceof VehicleLogout logout) {
            vehicleLogins.logout(c, logout);
        } else if (command == CommandId.PLATFORM_LOGOUT.id()) {
            responder.respond(c, message, ResponseFlag.SUCCESS);
            c.loggedOut();
        } else if (command == CommandId.HEARTBEAT.id() || command == CommandId.TIME_CALIBRATION.id()) {
            responder.respondWithTime(c, h, ResponseFlag.SUCCESS);
            refreshSession(c);
        } else if (message instanceof KeyExchange exchange) {
            // answered once stored: a terminal told "success" may encrypt with the key at once
            keys.storeDataKey(exchange).whenComplete((x, error) -> c.channel().eventLoop().execute(() ->
                    responder.respondWithTime(c, h, error == null ? ResponseFlag.SUCCESS : ResponseFlag.ERROR)));
        } else if (command >= CommandId.QUERY.id() && command <= CommandId.TERMINAL_CONTROL.id()) {
            meters.counter("gb32960.command.answers", "command", h.commandName()).increment();
            commands.answered(c, message);
        } else {
            bad(c, h, DecodeError.UNKNOWN_COMMAND, "command " + h.commandName() + " is not accepted here",
                    ByteBufUtil.getBytes(frame.content()));
        }
    }

    private void onReport(Connection c, Gb32960Frame frame) {
        FrameHeader h = frame.header();
        if (!authorized(c, h.vin())) {
            if (c.state() == Connection.State.PLATFORM) {
                forwardAfterRegistryCheck(c, frame);
            } else if (c.state() == Connection.State.NEW) {
                resume(c, frame);
            } else {
                reject(c, h, "telemetry of another VIN");
            }
            return;
        }
        telemetry.accept(c, h, ByteBufUtil.getBytes(frame.content()));
        refreshSession(c);
        if (props.acknowledgeReports()) {
            responder.respondWithTime(c, h, ResponseFlag.SUCCESS);
        }
    }

    /**
     * Data from a connection that has not logged in: the vehicle may hold a session in Redis (this
     * node restarted, or the terminal reconnected without a login). The connection stops reading
     * and holds its frames until Redis answers; then they are handled in order as the vehicle's, or
     * refused and the connection closed.
     */
    private void resume(Connection c, Gb32960Frame frame) {
        FrameHeader h = frame.header();
        c.startHolding();
        c.hold(frame.retain());
        c.channel().config().setAutoRead(false);
        vehicleLogins.resume(c, h.vin(), h.edition()).whenComplete((resumed, error) -> c.channel().eventLoop().execute(() -> {
            ArrayDeque<Gb32960Frame> held = c.releaseHeld();
            try {
                if (error != null || !resumed) {
                    reject(c, h, error != null ? "not logged in, and Redis unavailable" : "telemetry before login");
                    return;
                }
                while (!held.isEmpty() && c.channel().isActive()) {
                    Gb32960Frame next = held.pollFirst();
                    try {
                        onFrame(c, next);
                    } finally {
                        next.release();
                    }
                }
                if (c.pending().isEmpty() && !c.holding()) {
                    c.channel().config().setAutoRead(true);
                }
            } finally {
                held.forEach(Gb32960Frame::release);
            }
        }));
    }

    /** A platform forwards a VIN this node has not cached yet: check the registry, then publish or refuse. */
    private void forwardAfterRegistryCheck(Connection c, Gb32960Frame frame) {
        FrameHeader h = frame.header();
        byte[] bytes = ByteBufUtil.getBytes(frame.content());
        registry.vehicle(h.vin()).whenComplete((v, error) -> c.channel().eventLoop().execute(() -> {
            if (error == null && v.isPresent() && v.get().enabled()) {
                telemetry.accept(c, h, bytes);
            } else {
                bad(c, h, DecodeError.INVALID_FIELD, "platform " + c.platformAccount() + " forwards unregistered VIN", bytes);
            }
        }));
    }

    /** On a platform link, heartbeat, calibration and logout carry the platform's own id (PROTOCOL.md §7.9). */
    private static boolean platformLink(Connection c, int command) {
        return c.state() == Connection.State.PLATFORM && (command == CommandId.HEARTBEAT.id()
                || command == CommandId.TIME_CALIBRATION.id() || command == CommandId.PLATFORM_LOGOUT.id());
    }

    /** Vehicle connections send their own VIN; platform connections any registered (cached) VIN. */
    private boolean authorized(Connection c, String vin) {
        return switch (c.state()) {
            case VEHICLE -> vin.equals(c.vin());
            case PLATFORM -> registry.cached(vin).filter(v -> v.enabled()).isPresent();
            case NEW -> false;
        };
    }

    private void refreshSession(Connection c) {
        if (c.state() == Connection.State.VEHICLE && c.sessionRefreshDue(sessionRefreshNanos)) {
            sessionStore.refresh(c.vin(), props.sessionTtl());
        }
    }

    private void onPlatformLogin(Connection c, PlatformLogin login) {
        String account = login.username().text();
        String address = c.remote().substring(0, Math.max(0, c.remote().lastIndexOf(':')));
        if (platformLogins.blocked(address, account)) {
            log.warn("platform login of {} from {} refused: too many failures", account, c.remote());
            meters.counter("gb32960.platform.logins", "result", "blocked").increment();
            responder.respondAndClose(c, login, ResponseFlag.ERROR);
            return;
        }
        platformLogins.verify(address, account, login.password().text())
                .whenComplete((ok, error) -> c.channel().eventLoop().execute(() -> {
                    if (error == null && ok) {
                        c.loggedInPlatform(account);
                        meters.counter("gb32960.platform.logins", "result", "success").increment();
                        responder.respond(c, login, ResponseFlag.SUCCESS);
                    } else {
                        log.warn("platform login of {} from {} failed{}", account, c.remote(),
                                error == null ? "" : ": " + error);
                        meters.counter("gb32960.platform.logins", "result", "failed").increment();
                        responder.respondAndClose(c, login, ResponseFlag.ERROR);
                    }
                }));
    }

    /** 2025 activation 0x09: store the public key of a registered VIN, answer with 0x0A. */
    private void onActivation(Connection c, Activation activation) {
        String vin = activation.vin();
        registry.vehicle(vin).thenCompose(v -> {
            if (v.isEmpty() || !v.get().enabled()) {
                return java.util.concurrent.CompletableFuture.completedFuture(false);
            }
            return keys.storePublicKey(vin, activation.publicKey()).thenApply(x -> true);
        }).whenComplete((ok, error) -> c.channel().eventLoop().execute(() -> {
            boolean activated = error == null && ok;
            FrameHeader h = activation.header();
            FrameHeader answer = new FrameHeader(h.edition(), CommandId.ACTIVATION_RESPONSE.id(), ResponseFlag.COMMAND,
                    vin, 1, 0);
            c.channel().writeAndFlush(new ActivationResponse(answer, activated ? ActivationResponse.SUCCESS
                    : ActivationResponse.FAILURE, 0), c.channel().voidPromise());
        }));
    }

    private void onFailure(Connection c, FrameFailure failure) {
        FrameHeader h = failure.header();
        bad(c, h, failure.error(), "discarded " + failure.length() + " bytes", Hex.decode(failure.hexHead()));
        if (failure.error() == DecodeError.BAD_BCC && h != null && (h.command() == CommandId.REALTIME_REPORT.id()
                || h.command() == CommandId.REISSUE_REPORT.id()) && h.isCommand()) {
            responder.respondWithTime(c, h, ResponseFlag.ERROR); // the terminal resends (Annex B.2)
        }
    }

    /** Counts, logs (rate-limited), diagnoses to Kafka, and closes a connection that keeps sending bad input. */
    private void bad(Connection c, FrameHeader h, DecodeError error, String detail, byte[] bytes) {
        meters.counter("gb32960.frames.bad", "reason", error.name()).increment();
        badInputLog.log(c.remote(), error, detail, bytes);
        invalid.publish(h == null ? null : h.vin(), error, detail, bytes, c.remote(), System.currentTimeMillis());
        if (c.badFrame() >= props.maxBadFrames()) {
            log.warn("[{}] {} bad frames: closing", c.remote(), props.maxBadFrames());
            vehicleLogins.offline(c, OfflineReason.BAD_INPUT);
            c.channel().close();
        }
    }

    /** Data, logout, heartbeat or calibration from a connection that has not logged in: refuse and close. */
    private void reject(Connection c, FrameHeader h, String why) {
        meters.counter("gb32960.frames.rejected", "command", h.commandName()).increment();
        log.info("[{}] {} from {}: {}; closing", h.vin(), h.commandName(), c.remote(), why);
        c.channel().close();
    }

    private static String remote(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress() + ":" + a.getPort() : String.valueOf(ctx.channel().remoteAddress());
    }
}
