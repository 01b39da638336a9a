package io.gb32960.access.command;

import io.gb32960.access.session.Connection;
import io.gb32960.access.session.LocalSessions;
import io.gb32960.access.session.PendingCommand;
import io.gb32960.platform.common.command.CommandEnvelope;
import io.gb32960.platform.common.command.CommandFrames;
import io.gb32960.platform.common.command.CommandJson;
import io.gb32960.platform.common.command.CommandQueue;
import io.gb32960.platform.common.command.CommandResult;
import io.gb32960.platform.common.command.CommandResult.Status;
import io.gb32960.platform.common.redis.RedisKeys;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.wire.DataTime;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The node's side of the command gateway: receives commands for the vehicles it holds on its
 * channel ({@code commands:{NODE}}), writes the 0x80/0x81/0x82 frame in the vehicle's edition and
 * profile on the vehicle's event loop, resends while unanswered, correlates the answer (command id
 * and time; failing that, the oldest command of that id) and publishes the result to the sender,
 * or, for commands from the offline queue, to the cluster-wide results channel.
 */
public final class CommandExecutor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CommandExecutor.class);

    private final RedissonClient redis;
    private final LocalSessions sessions;
    private final CommandQueue queue;
    private final CommandJson json;
    private final String nodeId;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer roundTrip;
    private volatile Integer listenerId;

    public CommandExecutor(RedissonClient redis, LocalSessions sessions, CommandQueue queue, CommandJson json,
                           String nodeId, Clock clock, MeterRegistry meters) {
        this.redis = redis;
        this.sessions = sessions;
        this.queue = queue;
        this.json = json;
        this.nodeId = nodeId;
        this.clock = clock;
        this.meters = meters;
        this.roundTrip = Timer.builder("gb32960.commands.round.trip").publishPercentiles(0.5, 0.99)
                .description("node: command written to answer read").register(meters);
    }

    private RTopic channel() {
        return redis.getTopic(RedisKeys.commandChannel(nodeId), StringCodec.INSTANCE);
    }

    void onMessage(String message) {
        CommandEnvelope e;
        try {
            e = json.envelope(message);
        } catch (RuntimeException ex) {
            log.warn("unreadable command: {}: {}", ex.toString(), message);
            meters.counter("gb32960.commands", "result", "UNREADABLE").increment();
            return;
        }
        Connection c = sessions.byVin(e.vin()).orElse(null);
        if (c == null) {
            finish(e, CommandResult.of(e.id(), e.vin(), Status.OFFLINE, "not connected to node " + nodeId, nodeId));
            return;
        }
        c.channel().eventLoop().execute(() -> send(c, e));
    }

    /** Writes the command to the vehicle's connection; on its event loop. */
    void send(Connection c, CommandEnvelope e) {
        if (c.state() != Connection.State.VEHICLE || !e.vin().equals(c.vin()) || !c.channel().isActive()) {
            finish(e, CommandResult.of(e.id(), e.vin(), Status.OFFLINE, "connection gone", nodeId));
            return;
        }
        DataTime time = DataTime.of(clock.instant());
        Gb32960Message message;
        try {
            message = CommandFrames.build(e.downlink(), e.vin(), c.edition(), c.profile(), time);
        } catch (RuntimeException ex) {
            finish(e, CommandResult.of(e.id(), e.vin(), Status.SEND_FAILED, "cannot build the frame: " + ex.getMessage(),
                    nodeId));
            return;
        }
        PendingCommand p = new PendingCommand(e, message, time);
        c.commands().addLast(p);
        write(c, p);
        long resendMs = e.resendIntervalMs();
        p.timers(e.maxResends() > 0 && resendMs > 0 && resendMs < e.timeoutMs()
                        ? c.channel().eventLoop().scheduleAtFixedRate(() -> resend(c, p), resendMs, resendMs,
                        TimeUnit.MILLISECONDS) : null,
                c.channel().eventLoop().schedule(() -> {
                    if (c.commands().remove(p)) {
                        p.cancelTimers();
                        finish(e, CommandResult.of(e.id(), e.vin(), Status.TIMEOUT, "no answer within "
                                + e.timeoutMs() + " ms (" + p.resends() + " resends)", nodeId));
                    }
                }, e.timeoutMs(), TimeUnit.MILLISECONDS));
    }

    private void resend(Connection c, PendingCommand p) {
        if (!c.commands().contains(p) || p.resends() >= p.envelope().maxResends()) {
            return;
        }
        p.resent();
        meters.counter("gb32960.commands.resent").increment();
        log.info("[{}] command {} unanswered: resend {}", p.envelope().vin(), p.envelope().id(), p.resends());
        write(c, p);
    }

    private void write(Connection c, PendingCommand p) {
        c.channel().writeAndFlush(p.message()).addListener(f -> {
            if (!f.isSuccess() && c.commands().remove(p)) {
                p.cancelTimers();
                finish(p.envelope(), CommandResult.of(p.envelope().id(), p.envelope().vin(), Status.SEND_FAILED,
                        "write failed: " + f.cause(), nodeId));
            }
        });
    }

    /**
     * An uplink 0x80/0x81/0x82 arrived on {@code c}: the answer to the pending command of that id
     * with the same time, or else to the oldest one. Event loop.
     */
    public void answered(Connection c, Gb32960Message answer) {
        int command = answer.header().command();
        DataTime time = CommandFrames.timeOf(answer);
        PendingCommand match = null;
        for (PendingCommand p : c.commands()) {
            if (p.commandId() == command) {
                if (time != null && time.equals(p.time())) {
                    match = p;
                    break;
                }
                if (match == null) {
                    match = p;
                }
            }
        }
        if (match == null) {
            meters.counter("gb32960.commands.unmatched.answers").increment();
            log.info("[{}] answer 0x{} matches no pending command", c.vin(), Integer.toHexString(command));
            return;
        }
        c.commands().remove(match);
        match.cancelTimers();
        roundTrip.record(System.nanoTime() - match.sentNanos(), TimeUnit.NANOSECONDS);
        int flag = answer.header().responseFlag();
        CommandEnvelope e = match.envelope();
        finish(e, new CommandResult(e.id(), e.vin(), flag == ResponseFlag.SUCCESS ? Status.ANSWERED : Status.REJECTED,
                CommandFrames.answer(answer), flag == ResponseFlag.SUCCESS ? "" : "terminal answered with flag 0x"
                + Integer.toHexString(flag), nodeId, clock.instant()));
    }

    /** The connection closed: its unanswered commands will not be answered here. Event loop. */
    public void connectionClosed(Connection c) {
        List<PendingCommand> left = new ArrayList<>(c.commands());
        c.commands().clear();
        for (PendingCommand p : left) {
            p.cancelTimers();
            finish(p.envelope(), CommandResult.of(p.envelope().id(), p.envelope().vin(), Status.OFFLINE,
                    "connection closed before the answer", nodeId));
        }
    }

    /** The vehicle logged in on {@code c} with commands in its offline queue: sends those still valid. */
    public void deliverQueued(Connection c, String vin) {
        queue.takeAll(vin).whenComplete((queued, error) -> {
            if (error != null) {
                log.warn("[{}] offline command queue not read: {}", vin, error.toString());
                return;
            }
            c.channel().eventLoop().execute(() -> {
                Instant now = clock.instant();
                for (Iterator<CommandEnvelope> it = queued.iterator(); it.hasNext(); ) {
                    CommandEnvelope e = it.next();
                    if (CommandQueue.expired(e, now)) {
                        finish(e, CommandResult.of(e.id(), vin, Status.EXPIRED, "expired in the offline queue at "
                                + Instant.ofEpochMilli(e.expiresAt()), nodeId));
                    } else {
                        log.info("[{}] delivering queued command {}", vin, e.id());
                        send(c, e);
                    }
                }
            });
        });
    }

    private void finish(CommandEnvelope e, CommandResult result) {
        meters.counter("gb32960.commands", "result", result.status().name()).increment();
        String to = e.replyTo().isEmpty() ? RedisKeys.commandResults() : e.replyTo();
        redis.getTopic(to, StringCodec.INSTANCE).publishAsync(json.toJson(result)).whenComplete((n, error) -> {
            if (error != null) {
                meters.counter("gb32960.commands.results.undelivered", "why", "redis").increment();
                log.warn("[{}] result of command {} ({}) not published: {}", e.vin(), e.id(), result.status(),
                        error.toString());
            } else if (n == 0 && !e.replyTo().isEmpty()) {
                // the sender is gone, or its subscription is being re-established: it reports TIMEOUT
                meters.counter("gb32960.commands.results.undelivered", "why", "no-subscriber").increment();
                log.warn("[{}] result of command {} ({}) reached no subscriber on {}", e.vin(), e.id(),
                        result.status(), to);
            }
        });
    }

    @Override
    public void start() {
        listenerId = channel().addListener(String.class, (ch, message) -> onMessage(message));
    }

    @Override
    public void stop() {
        Integer id = listenerId;
        listenerId = null;
        if (id != null) {
            try {
                channel().removeListener(id);
            } catch (RuntimeException e) {
                log.debug("command listener not removed: {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return listenerId != null;
    }

    @Override
    public int getPhase() {
        return io.gb32960.access.server.NettyAccessServer.PHASE - 1;
    }
}
