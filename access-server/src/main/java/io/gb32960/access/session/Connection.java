package io.gb32960.access.session;

import io.gb32960.access.telemetry.SpilledFrame;
import io.gb32960.protocol.codec.TerminalProfile;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.netty.Gb32960Frame;
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
    private Edition edition = Edition.V2016;
    /** Downlink commands written and not yet answered, oldest first. */
    private final ArrayDeque<PendingCommand> commands = new ArrayDeque<>(0);
    private int badFrames;
    private long lastSessionRefreshNanos;
    private boolean closingWithEvent;
    /** Frames that arrived while the session was being resumed from Redis (retained; see {@link #hold}). */
    private ArrayDeque<Gb32960Frame> held;
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

    /** The edition the vehicle logged in with: downlink commands are written in it. */
    public Edition edition() {
        return edition;
    }

    public ArrayDeque<PendingCommand> commands() {
        return commands;
    }

    public void loggedInVehicle(String vin, TerminalProfile profile, Edition edition) {
        this.state = State.VEHICLE;
        this.vin = vin;
        this.profile = profile;
        this.edition = edition;
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

    /** Starts holding incoming frames until {@link #releaseHeld} (a session resume is asked of Redis). */
    public void startHolding() {
        held = new ArrayDeque<>(2);
    }

    public boolean holding() {
        return held != null;
    }

    /** Keeps {@code frame} (retained by the caller) until the resume is decided. */
    public void hold(Gb32960Frame frame) {
        held.addLast(frame);
    }

    /** Stops holding; returns the held frames, oldest first, which the caller must release. */
    public ArrayDeque<Gb32960Frame> releaseHeld() {
        ArrayDeque<Gb32960Frame> frames = held == null ? new ArrayDeque<>(0) : held;
        held = null;
        return frames;
    }
}
