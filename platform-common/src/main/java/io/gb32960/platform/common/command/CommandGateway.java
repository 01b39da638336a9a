package io.gb32960.platform.common.command;

import io.gb32960.platform.common.command.CommandResult.Status;
import io.gb32960.platform.common.redis.RedisKeys;
import io.gb32960.platform.common.redis.SessionStore;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sends downlink commands to vehicles from any service: looks up the vehicle's route, publishes the
 * command on the holding node's channel and completes with the node's result (the terminal's
 * answer, or why there is none). The node builds the frame for the vehicle's edition and profile,
 * resends it per the standard while unanswered, and correlates the answer.
 *
 * <p>A command for an offline vehicle completes OFFLINE, or, when the caller allows queueing and
 * the command may wait (never shutdown, reset or factory reset), QUEUED: the node that sees the
 * vehicle's next login before the expiry sends it, and its result goes to {@link #onQueuedResults}.
 */
public final class CommandGateway implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommandGateway.class);

    /**
     * @param gatewayId        unique among running gateways (its reply channel)
     * @param resendInterval   the node resends an unanswered command after this (the standard: 1 min)
     * @param maxResends       at most this many resends (the standard: 3)
     * @param grace            how long past the timeout the gateway waits for the node's own TIMEOUT result
     */
    public record Settings(String gatewayId, Duration resendInterval, int maxResends, Duration grace) {

        public Settings {
            Objects.requireNonNull(gatewayId, "gatewayId");
            resendInterval = Objects.requireNonNullElse(resendInterval, Duration.ofMinutes(1));
            grace = Objects.requireNonNullElse(grace, Duration.ofSeconds(2));
        }

        public static Settings standard(String gatewayId) {
            return new Settings(gatewayId, Duration.ofMinutes(1), 3, Duration.ofSeconds(2));
        }
    }

    private final RedissonClient redis;
    private final SessionStore sessions;
    private final CommandQueue queue;
    private final CommandJson json = new CommandJson();
    private final Settings settings;
    private final Map<String, CompletableFuture<CommandResult>> pending = new ConcurrentHashMap<>();
    private final RTopic replies;
    private volatile Integer replyListener;

    public CommandGateway(RedissonClient redis, SessionStore sessions, Settings settings) {
        this.redis = redis;
        this.sessions = sessions;
        this.settings = settings;
        this.queue = new CommandQueue(redis, json);
        this.replies = redis.getTopic(RedisKeys.commandReplies(settings.gatewayId()), StringCodec.INSTANCE);
    }

    /** Subscribes to this gateway's reply channel; call once before sending. */
    public CommandGateway start() {
        replyListener = replies.addListener(String.class, (channel, message) -> {
            CommandResult result;
            try {
                result = json.result(message);
            } catch (RuntimeException e) {
                log.warn("unreadable command result on {}: {}", channel, message);
                return;
            }
            CompletableFuture<CommandResult> waiting = pending.remove(result.id());
            if (waiting != null) {
                waiting.complete(result);
            }
        });
        return this;
    }

    /** Sends {@code command}; completes with the result within {@code timeout} (plus a grace). */
    public CompletableFuture<CommandResult> send(String vin, DownlinkCommand command, Duration timeout) {
        return send(vin, command, timeout, null);
    }

    /**
     * As {@link #send(String, DownlinkCommand, Duration)}; when the vehicle is offline and
     * {@code queueFor} is given (and the command may be queued), the command waits in the vehicle's
     * queue for that long and the future completes QUEUED.
     */
    public CompletableFuture<CommandResult> send(String vin, DownlinkCommand command, Duration timeout,
                                                 Duration queueFor) {
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(command, "command");
        if (replyListener == null) {
            throw new IllegalStateException("gateway not started");
        }
        String id = UUID.randomUUID().toString();
        boolean mayQueue = queueFor != null && !queueFor.isNegative() && !queueFor.isZero() && command.queueable();
        CommandEnvelope envelope = new CommandEnvelope(id, vin, RedisKeys.commandReplies(settings.gatewayId()),
                timeout.toMillis(), settings.resendInterval().toMillis(), settings.maxResends(), 0,
                CommandEnvelope.wire(command));
        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        pending.put(id, result);
        result.completeOnTimeout(CommandResult.of(id, vin, Status.TIMEOUT, "no result from the access node within "
                + timeout.plus(settings.grace()), ""), timeout.plus(settings.grace()).toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((r, e) -> pending.remove(id));
        sessions.owner(vin).whenComplete((owner, error) -> {
            if (error != null) {
                result.complete(CommandResult.of(id, vin, Status.SEND_FAILED, "Redis unavailable: " + error, ""));
            } else if (owner.isEmpty()) {
                offline(envelope, mayQueue, queueFor, result, "not connected");
            } else {
                String node = owner.get().node();
                redis.getTopic(RedisKeys.commandChannel(node), StringCodec.INSTANCE)
                        .publishAsync(json.toJson(envelope)).whenComplete((receivers, e) -> {
                            if (e != null) {
                                result.complete(CommandResult.of(id, vin, Status.SEND_FAILED,
                                        "Redis unavailable: " + e, node));
                            } else if (receivers == 0) {
                                offline(envelope, mayQueue, queueFor, result, "node " + node + " is not running");
                            }
                        });
            }
        });
        return result;
    }

    private void offline(CommandEnvelope envelope, boolean mayQueue, Duration queueFor,
                         CompletableFuture<CommandResult> result, String why) {
        if (!mayQueue) {
            result.complete(CommandResult.of(envelope.id(), envelope.vin(), Status.OFFLINE, why, ""));
            return;
        }
        CommandEnvelope queued = new CommandEnvelope(envelope.id(), envelope.vin(), "", envelope.timeoutMs(),
                envelope.resendIntervalMs(), envelope.maxResends(), Instant.now().plus(queueFor).toEpochMilli(),
                envelope.command());
        queue.enqueue(queued).whenComplete((x, e) -> result.complete(e != null
                ? CommandResult.of(envelope.id(), envelope.vin(), Status.SEND_FAILED, "not queued: " + e, "")
                : CommandResult.of(envelope.id(), envelope.vin(), Status.QUEUED,
                why + "; queued until " + Instant.ofEpochMilli(queued.expiresAt()), "")));
    }

    /** Receives the results of queued commands (delivered at a later login, or expired); returns a listener id. */
    public int onQueuedResults(Consumer<CommandResult> listener) {
        return redis.getTopic(RedisKeys.commandResults(), StringCodec.INSTANCE).addListener(String.class,
                (channel, message) -> {
                    try {
                        listener.accept(json.result(message));
                    } catch (RuntimeException e) {
                        log.warn("unreadable queued command result: {}", message);
                    }
                });
    }

    /** Commands sent and not yet completed. */
    public int inFlight() {
        return pending.size();
    }

    @Override
    public void close() {
        Integer id = replyListener;
        replyListener = null;
        if (id != null) {
            try {
                replies.removeListener(id);
            } catch (RuntimeException e) {
                log.debug("reply listener not removed: {}", e.toString());
            }
        }
        pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("gateway closed")));
    }
}
