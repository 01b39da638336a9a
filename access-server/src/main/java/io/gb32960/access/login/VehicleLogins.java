package io.gb32960.access.login;

import io.gb32960.access.event.VehicleEventPublisher;
import io.gb32960.access.server.AccessServerProperties;
import io.gb32960.access.session.Connection;
import io.gb32960.access.session.LocalSessions;
import io.gb32960.access.session.RegistryCache;
import io.gb32960.access.session.Responder;
import io.gb32960.platform.common.cluster.Assignment;
import io.gb32960.platform.common.cluster.NodeAssigner;
import io.gb32960.platform.common.cluster.NodeMessages;
import io.gb32960.platform.common.cluster.SessionTokens;
import io.gb32960.platform.common.event.VehicleEvent.EventType;
import io.gb32960.platform.common.event.VehicleEvent.OfflineReason;
import io.gb32960.platform.common.redis.SessionStore;
import io.gb32960.platform.common.registry.RegisteredVehicle;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.message.VehicleLogout;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/**
 * Vehicle login 0x01 and logout 0x04: registry check, single session per VIN (a newer login kicks
 * the older connection), session and route in Redis, events. Entered on the connection's event
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
    private final SessionTokens tokens;
    private final NodeAssigner assigner;
    private final NodeMessages nodeMessages;

    public VehicleLogins(AccessServerProperties props, String nodeId, RegistryCache registry, LocalSessions sessions,
                         SessionStore sessionStore, VehicleEventPublisher events, Responder responder, Clock clock,
                         MeterRegistry meters, SessionTokens tokens, NodeAssigner assigner,
                         NodeMessages nodeMessages) {
        this.props = props;
        this.nodeId = nodeId;
        this.registry = registry;
        this.sessions = sessions;
        this.sessionStore = sessionStore;
        this.events = events;
        this.responder = responder;
        this.clock = clock;
        this.meters = meters;
        this.tokens = tokens;
        this.assigner = assigner;
        this.nodeMessages = nodeMessages;
    }

    public void login(Connection c, VehicleLogin login) {
        String vin = login.vin();
        registry.vehicle(vin).whenComplete((vehicle, error) -> c.channel().eventLoop().execute(() -> {
            if (error != null) {
                log.warn("[{}] login refused: registry unavailable: {}", vin, error.toString());
                refuse(c, login, "registry unavailable", ResponseFlag.ERROR);
            } else {
                loginChecked(c, login, vehicle);
            }
        }));
    }

    private void loginChecked(Connection c, VehicleLogin login, Optional<RegisteredVehicle> vehicle) {
        String vin = login.vin();
        if (vehicle.isEmpty() || !vehicle.get().enabled()) {
            int flag = login.header().edition() == Edition.V2025 ? ResponseFlag.VIN_NOT_FOUND : ResponseFlag.ERROR;
            refuse(c, login, vehicle.isEmpty() ? "VIN not registered" : "vehicle disabled", flag);
            return;
        }
        RegisteredVehicle v = vehicle.get();
        String iccid = login.iccid().text();
        if (!v.iccid().isEmpty() && !v.iccid().equals(iccid)) {
            if (props.iccidMismatch() == AccessServerProperties.IccidMismatch.REJECT) {
                refuse(c, login, "ICCID " + iccid + " is not the registered " + v.iccid(), ResponseFlag.ERROR);
                return;
            }
            log.warn("[{}] logs in with ICCID {} but {} is registered", vin, iccid, v.iccid());
            meters.counter("gb32960.login.iccid.mismatch").increment();
        }
        String token = Assignment.tokenOf(login.extension());
        if (token == null) {
            if (props.requireSessionToken()) {
                refuse(c, login, "no session token", ResponseFlag.ERROR);
            } else {
                admit(c, login, v);
            }
            return;
        }
        tokens.consume(vin, token).whenComplete((valid, error) -> c.channel().eventLoop().execute(() -> {
            if (error != null) {
                refuse(c, login, "session store unavailable", ResponseFlag.ERROR);
            } else if (valid) {
                assigner.arrived(nodeId);
                admit(c, login, v);
            } else if (props.requireSessionToken()) {
                refuse(c, login, "invalid session token", ResponseFlag.ERROR);
            } else {
                admit(c, login, v);
            }
        }));
    }

    private void admit(Connection c, VehicleLogin login, RegisteredVehicle v) {
        String vin = login.vin();
        if (c.state() == Connection.State.PLATFORM) {
            // a platform forwarding its vehicles' logins: the vehicle is routed here, the connection stays the platform's
            storeSessionThenAnswer(c, login, v, false);
            return;
        }
        if (c.state() == Connection.State.VEHICLE && !vin.equals(c.vin())) {
            sessions.unbind(c.vin(), c);
        }
        storeSessionThenAnswer(c, login, v, true);
    }

    private void storeSessionThenAnswer(Connection c, VehicleLogin login, RegisteredVehicle v, boolean bind) {
        String vin = login.vin();
        sessionStore.put(new SessionStore.Session(vin, nodeId, c.id(), clock.instant()), props.sessionTtl())
                .whenComplete((previous, error) -> c.channel().eventLoop().execute(() -> {
                    if (error != null) {
                        log.warn("[{}] login refused: session store unavailable: {}", vin, error.toString());
                        refuse(c, login, "session store unavailable", ResponseFlag.ERROR);
                        return;
                    }
                    previous.filter(p -> !p.node().equals(nodeId) && !p.connection().equals(c.id()))
                            .ifPresent(p -> kickRemote(p, vin));
                    if (!c.channel().isActive()) {
                        sessionStore.removeIfOwned(vin, nodeId, c.id());
                        return;
                    }
                    if (bind) {
                        sessions.bind(vin, c).ifPresent(old -> kick(old, vin));
                        c.loggedInVehicle(vin, v.profile());
                    }
                    meters.counter("gb32960.logins", "result", "success").increment();
                    responder.respond(c, login, ResponseFlag.SUCCESS);
                    events.publish(vin, EventType.LOGIN, null, c.remote());
                    events.publish(vin, EventType.ONLINE, null, c.remote());
                }));
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
        meters.counter("gb32960.logins", "result", "refused").increment();
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
        sessionStore.removeIfOwned(vin, nodeId, c.id());
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
        sessionStore.removeIfOwned(vin, nodeId, c.id());
    }
}
