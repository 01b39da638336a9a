package io.gb32960.access.login;

import io.gb32960.access.cluster.AssignedArrivals;
import io.gb32960.access.command.CommandExecutor;
import io.gb32960.access.cluster.NodeVinsWriter;
import io.gb32960.access.event.VehicleEventPublisher;
import io.gb32960.access.server.AccessServerProperties;
import io.gb32960.access.session.Connection;
import io.gb32960.access.session.LocalSessions;
import io.gb32960.access.session.RegistryCache;
import io.gb32960.access.session.Responder;
import io.gb32960.platform.common.cluster.Assignment;
import io.gb32960.platform.common.cluster.NodeMessages;
import io.gb32960.platform.common.event.VehicleEvent.EventType;
import io.gb32960.platform.common.event.VehicleEvent.OfflineReason;
import io.gb32960.platform.common.redis.SessionStore;
import io.gb32960.platform.common.registry.RegisteredVehicle;
import io.gb32960.platform.common.registry.VehicleRegistry;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.message.VehicleLogout;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Vehicle login 0x01 and logout 0x04: registry, ICCID and token checks and the session and route
 * write in one Redis round trip ({@link SessionStore#login}), single session per VIN (a newer login
 * kicks the older connection, here or on another node), events. Entered on the connection's event
 * loop; Redis answers continue there.
 */
public final class VehicleLogins {

    private static final Logger log = LoggerFactory.getLogger(VehicleLogins.class);

    private final AccessServerProperties props;
    private final String nodeId;
    private final RegistryCache registry;
    private final LocalSessions sessions;
    private final SessionStore sessionStore;
    private final VehicleEventPublisher events;
    private final Responder responder;
    private final Clock clock;
    private final MeterRegistry meters;
    private final AssignedArrivals arrivals;
    private final NodeVinsWriter nodeVins;
    private final NodeMessages nodeMessages;
    private final CommandExecutor commands;
    private final Counter admitted;
    private final Counter refused;

    public VehicleLogins(AccessServerProperties props, String nodeId, RegistryCache registry, LocalSessions sessions,
                         SessionStore sessionStore, VehicleEventPublisher events, Responder responder, Clock clock,
                         MeterRegistry meters, AssignedArrivals arrivals, NodeVinsWriter nodeVins,
                         NodeMessages nodeMessages, CommandExecutor commands) {
        this.commands = commands;
        this.props = props;
        this.nodeId = nodeId;
        this.registry = registry;
        this.sessions = sessions;
        this.sessionStore = sessionStore;
        this.events = events;
        this.responder = responder;
        this.clock = clock;
        this.meters = meters;
        this.arrivals = arrivals;
        this.nodeVins = nodeVins;
        this.nodeMessages = nodeMessages;
        this.admitted = meters.counter("gb32960.logins", "result", "success");
        this.refused = meters.counter("gb32960.logins", "result", "refused");
    }

    public void login(Connection c, VehicleLogin login) {
        String vin = login.vin();
        String token = Assignment.tokenOf(login.extension());
        if (token == null && props.requireSessionToken()) {
            refuse(c, login, "no session token", ResponseFlag.ERROR);
            return;
        }
        String iccid = login.iccid().text();
        SessionStore.LoginRequest request = new SessionStore.LoginRequest(
                new SessionStore.Session(vin, nodeId, c.id(), clock.instant()), props.sessionTtl(), iccid,
                props.iccidMismatch() == AccessServerProperties.IccidMismatch.REJECT, token,
                props.requireSessionToken());
        sessionStore.login(request).whenComplete((outcome, error) -> c.channel().eventLoop().execute(() -> {
            if (error != null) {
                log.warn("[{}] login refused: Redis unavailable: {}", vin, error.toString());
                meters.counter("gb32960.login.redis.errors").increment();
                refuse(c, login, "session store unavailable", ResponseFlag.ERROR);
            } else {
                decided(c, login, outcome);
            }
        }));
    }

    private void decided(Connection c, VehicleLogin login, SessionStore.LoginOutcome outcome) {
        String vin = login.vin();
        switch (outcome.status()) {
            case NOT_REGISTERED -> {
                registry.remember(vin, Optional.empty());
                refuse(c, login, "VIN not registered",
                        login.header().edition() == Edition.V2025 ? ResponseFlag.VIN_NOT_FOUND : ResponseFlag.ERROR);
                return;
            }
            case DISABLED -> {
                refuse(c, login, "vehicle disabled",
                        login.header().edition() == Edition.V2025 ? ResponseFlag.VIN_NOT_FOUND : ResponseFlag.ERROR);
                return;
            }
            case ICCID_MISMATCH -> {
                refuse(c, login, "ICCID " + login.iccid().text() + " is not the registered "
                        + outcome.registry().get("iccid"), ResponseFlag.ERROR);
                return;
            }
            case TOKEN_REJECTED -> {
                refuse(c, login, outcome.token() == SessionStore.TokenCheck.NONE ? "no session token"
                        : "invalid session token", ResponseFlag.ERROR);
                return;
            }
            default -> {
                // admitted: session and route are written
            }
        }
        RegisteredVehicle v = VehicleRegistry.toVehicle(vin, outcome.registry());
        registry.remember(vin, Optional.of(v));
        if (outcome.token() == SessionStore.TokenCheck.VALID) {
            arrivals.arrived();
        }
        String iccid = login.iccid().text();
        if (!v.iccid().isEmpty() && !v.iccid().equals(iccid)) {
            log.warn("[{}] logs in with ICCID {} but {} is registered", vin, iccid, v.iccid());
            meters.counter("gb32960.login.iccid.mismatch").increment();
        }
        outcome.previous().filter(p -> !p.node().equals(nodeId) && !p.connection().equals(c.id()))
                .ifPresent(p -> kickRemote(p, vin));
        if (!c.channel().isActive()) {
            sessionStore.removeIfOwned(vin, c.id());
            return;
        }
        nodeVins.added(vin);
        if (c.state() != Connection.State.PLATFORM) {
            // a platform forwarding its vehicles' logins: the vehicle is routed here, the connection stays the platform's
            if (c.state() == Connection.State.VEHICLE && !vin.equals(c.vin())) {
                sessions.unbind(c.vin(), c);
            }
            sessions.bind(vin, c).ifPresent(old -> kick(old, vin));
            c.loggedInVehicle(vin, v.profile(), login.header().edition());
        }
        admitted.increment();
        responder.respond(c, login, ResponseFlag.SUCCESS);
        events.publish(vin, EventType.LOGIN, null, c.remote());
        events.publish(vin, EventType.ONLINE, null, c.remote());
        if (outcome.queuedCommands() > 0 && c.state() == Connection.State.VEHICLE) {
            commands.deliverQueued(c, vin);
        }
    }

    /**
     * A connection that has not logged in sends data of {@code vin}: when the vehicle holds a
     * session in Redis (on this node before a restart, or elsewhere), the session moves to this
     * connection, which becomes the vehicle's (an older connection of the vehicle is kicked).
     * Completes on the connection's event loop with whether it did.
     */
    public CompletionStage<Boolean> resume(Connection c, String vin, Edition edition) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        sessionStore.resume(new SessionStore.Session(vin, nodeId, c.id(), clock.instant()), props.sessionTtl())
                .whenComplete((outcome, error) -> c.channel().eventLoop().execute(() -> {
                    if (error != null) {
                        meters.counter("gb32960.login.redis.errors").increment();
                        done.completeExceptionally(error);
                        return;
                    }
                    if (outcome.status() != SessionStore.ResumeStatus.RESUMED || c.state() != Connection.State.NEW) {
                        done.complete(false);
                        return;
                    }
                    RegisteredVehicle v = VehicleRegistry.toVehicle(vin, outcome.registry());
                    registry.remember(vin, Optional.of(v));
                    outcome.previous().filter(p -> !p.node().equals(nodeId) && !p.connection().equals(c.id()))
                            .ifPresent(p -> kickRemote(p, vin));
                    if (!c.channel().isActive()) {
                        sessionStore.removeIfOwned(vin, c.id());
                        done.complete(false);
                        return;
                    }
                    nodeVins.added(vin);
                    sessions.bind(vin, c).ifPresent(old -> kick(old, vin));
                    c.loggedInVehicle(vin, v.profile(), edition);
                    log.info("[{}] session resumed on connection {} (was {})", vin, c.id(),
                            outcome.previous().map(SessionStore.Owner::value).orElse("-"));
                    meters.counter("gb32960.sessions.resumed").increment();
                    events.publish(vin, EventType.ONLINE, null, c.remote());
                    done.complete(true);
                }));
        return done;
    }

    /** The vehicle logged in on this node; its previous connection is on another node: that node closes it. */
    private void kickRemote(SessionStore.Owner previous, String vin) {
        log.info("[{}] logged in here; asking node {} to close connection {}", vin, previous.node(), previous.connection());
        nodeMessages.kick(previous.node(), NodeMessages.Kick.of(vin, previous.connection(), nodeId))
                .whenComplete((receivers, error) -> {
                    if (error != null || receivers == 0) {
                        // the node is gone or unreachable: its connection is gone too, or its reconciliation notices
                        log.info("[{}] kick for node {} not delivered: {}", vin, previous.node(),
                                error != null ? error.toString() : "no subscriber");
                    }
                });
        meters.counter("gb32960.kicks.sent").increment();
    }

    /**
     * Closes {@code old}, which held {@code vin} on this node, with OFFLINE(KICKED): a newer login
     * of the vehicle (here or on another node) replaces it. Any thread.
     */
    public void kick(Connection old, String vin) {
        old.channel().eventLoop().execute(() -> {
            if (old.vin() != null && !old.vin().equals(vin)) {
                return; // the connection has moved on to another VIN meanwhile
            }
            sessions.unbind(vin, old);
            if (old.state() == Connection.State.VEHICLE && old.markClosingWithEvent()) {
                log.info("[{}] a new login replaces connection {}", vin, old.id());
                events.publish(vin, EventType.OFFLINE, OfflineReason.KICKED, old.remote());
            }
            old.loggedOut();
            old.channel().close();
        });
    }

    private void refuse(Connection c, VehicleLogin login, String why, int flag) {
        log.info("[{}] login refused: {}", login.vin(), why);
        refused.increment();
        if (c.state() == Connection.State.NEW) {
            responder.respondAndClose(c, login, flag);
        } else {
            responder.respond(c, login, flag);
        }
    }

    public void logout(Connection c, VehicleLogout logout) {
        String vin = logout.vin();
        responder.respond(c, logout, ResponseFlag.SUCCESS);
        if (c.state() == Connection.State.VEHICLE) {
            sessions.unbind(vin, c);
            c.loggedOut();
        }
        removeSession(vin, c);
        events.publish(vin, EventType.LOGOUT, null, c.remote());
        events.publish(vin, EventType.OFFLINE, OfflineReason.LOGOUT, c.remote());
    }

    /** The connection ended without a logout: offline event (unless already decided) and session cleanup. */
    public void offline(Connection c, OfflineReason reason) {
        if (c.state() != Connection.State.VEHICLE) {
            return;
        }
        String vin = c.vin();
        sessions.unbind(vin, c);
        if (c.markClosingWithEvent()) {
            events.publish(vin, EventType.OFFLINE, reason, c.remote());
        }
        removeSession(vin, c);
    }

    private void removeSession(String vin, Connection c) {
        sessionStore.removeIfOwned(vin, c.id()).thenAccept(removed -> {
            if (removed) {
                nodeVins.removed(vin);
            }
        });
    }
}
