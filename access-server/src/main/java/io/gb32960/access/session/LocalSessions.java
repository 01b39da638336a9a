package io.gb32960.access.session;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Vehicles logged in on this node, by VIN: the local half of the two-level session cache (Redis
 * holds the cluster-wide truth). A second login of a VIN finds the first connection here.
 */
public final class LocalSessions {

    private final ConcurrentHashMap<String, Connection> byVin = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Connection> connections = new ConcurrentHashMap<>();

    /** Registers an open connection. */
    public void opened(Connection c) {
        connections.put(c.id(), c);
    }

    public void closed(Connection c) {
        connections.remove(c.id());
        if (c.vin() != null) {
            byVin.remove(c.vin(), c);
        }
    }

    /** Binds {@code vin} to {@code c}; returns the connection it replaces, if another one held it. */
    public Optional<Connection> bind(String vin, Connection c) {
        Connection previous = byVin.put(vin, c);
        return previous == null || previous == c ? Optional.empty() : Optional.of(previous);
    }

    public void unbind(String vin, Connection c) {
        byVin.remove(vin, c);
    }

    public Optional<Connection> byVin(String vin) {
        return Optional.ofNullable(byVin.get(vin));
    }

    /** The open connection with this id, if any. */
    public Optional<Connection> connection(String id) {
        return Optional.ofNullable(connections.get(id));
    }

    /** Logged-in vehicles by VIN (a live view). */
    public Map<String, Connection> vehicles() {
        return Collections.unmodifiableMap(byVin);
    }

    public int loggedInVehicles() {
        return byVin.size();
    }

    public int connectionCount() {
        return connections.size();
    }

    public Collection<Connection> all() {
        return connections.values();
    }
}
