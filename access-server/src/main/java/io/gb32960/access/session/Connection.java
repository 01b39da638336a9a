package io.gb32960.access.session;

import io.gb32960.access.telemetry.SpilledFrame;
import io.gb32960.protocol.codec.TerminalProfile;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

import java.util.ArrayDeque;

/**
 * What a node knows about one TCP connection. Touched only on the channel's event loop.
 */
public final class Connection {

    public static final AttributeKey<Connection> KEY = AttributeKey.valueOf("gb32960.connection");

    /** Who is on the other end. */
    public enum State {
        /** Nothing logged in yet: only logins (0x01, 0x05) and 2025 activation are accepted. */
        NEW,
        /** A vehicle logged in with 0x01: frames of its VIN only. */
        VEHICLE,
        /** A platform logged in with 0x05: frames of any registered VIN. */
        PLATFORM
    }

    private final Channel channel;
    private final String id;
    private final String remote;
    private State state = State.NEW;
    private String vin;
    private String platformAccount;
    private TerminalProfile profile = TerminalProfile.DEFAULT;
    private int badFrames;
    private long lastSessionRefreshNanos;
    private boolean closingWithEvent;
    /** Frames accepted while the telemetry queue was full: delivered before anything newer. */
    private final ArrayDeque<SpilledFrame> pending = new ArrayDeque<>(0);

    public Connection(Channel channel, String id, String remote) {
        this.channel = channel;
        this.id = id;
        this.remote = remote;
    }

    public static Connection of(Channel channel) {
        return channel.attr(KEY).get();
    }

    public Channel channel() {
        return channel;
    }

    public String id() {
        return id;
    }

    public String remote() {
        return remote;
    }

    public State state() {
        return state;
    }

    public String vin() {
        return vin;
    }

    public String platformAccount() {
        return platformAccount;
    }

    public TerminalProfile profile() {
        return profile;
    }

    public void loggedInVehicle(String vin, TerminalProfile profile) {
        this.state = State.VEHICLE;
        this.vin = vin;
        this.profile = profile;
        this.lastSessionRefreshNanos = System.nanoTime();
    }

    public void loggedInPlatform(String account) {
        this.state = State.PLATFORM;
        this.platformAccount = account;
    }

    public void loggedOut() {
        this.state = State.NEW;
        this.vin = null;
        this.platformAccount = null;
        this.profile = TerminalProfile.DEFAULT;
    }

    /** @return the bad frames counted so far */
    public int badFrame() {
        return ++badFrames;
    }

    /** Whether the session TTL in Redis is due for a refresh (once per a third of the TTL). */
    public boolean sessionRefreshDue(long intervalNanos) {
        long now = System.nanoTime();
        if (now - lastSessionRefreshNanos < intervalNanos) {
            return false;
        }
        lastSessionRefreshNanos = now;
        return true;
    }

    /** Marks that the offline event for this connection has been decided (kick, idle, shutdown...). */
    public boolean markClosingWithEvent() {
        boolean first = !closingWithEvent;
        closingWithEvent = true;
        return first;
    }

    public ArrayDeque<SpilledFrame> pending() {
        return pending;
    }
}
