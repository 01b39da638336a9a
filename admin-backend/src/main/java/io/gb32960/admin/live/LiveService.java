package io.gb32960.admin.live;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.gb32960.admin.system.AdminException;
import io.gb32960.platform.common.cluster.NodeRegistry;
import io.gb32960.platform.common.cluster.NodeStats;
import io.gb32960.platform.common.redis.RedisKeys;
import io.gb32960.platform.common.redis.SessionStore;
import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.json.Gb32960Json;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The live view: nodes and their vehicles now (Redis), the vehicle's connection (its route), its
 * latest state and newest frame decoded, its track. Redis calls wait at most 3 s.
 */
@Service
public class LiveService {

    private static final Logger log = LoggerFactory.getLogger(LiveService.class);
    private static final Duration REDIS_WAIT = Duration.ofSeconds(3);
    public static final Duration MAX_TRACK = Duration.ofDays(31);
    public static final int MAX_POINTS = 5000;

    private final LiveRepository repository;
    private final NodeRegistry nodes;
    private final SessionStore sessions;
    private final RedissonClient redis;
    private final JsonMapper json;
    private final Clock clock;
    private final Gb32960Decoder decoder = Gb32960Decoder.uplink();
    private final Gb32960Json frameJson = new Gb32960Json();

    LiveService(LiveRepository repository, NodeRegistry nodes, SessionStore sessions, RedissonClient redis,
                JsonMapper json, Clock clock) {
        this.repository = repository;
        this.nodes = nodes;
        this.sessions = sessions;
        this.redis = redis;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A node as the live view shows it.
     *
     * @param vehicles         logged-in vehicles the node reports itself (Redis, every 500 ms)
     * @param routed           vehicles the route table sends to it: its VIN set in Redis
     *                         ({@code gb32960:node-vins:{NODE}}, a superset its reconciliation tidies;
     *                         -1 when Redis did not answer)
     * @param recordedOnline   vehicles the consumers recorded online on it (MySQL)
     */
    public record NodeView(String nodeId, String host, int port, int connections, int vehicles, int capacity,
                           Instant at, long routed, long recordedOnline) {

        /** Whether the node's own count, the route table and the records disagree. */
        @JsonProperty("mismatch")
        public boolean mismatch() {
            return routed >= 0 && (routed != vehicles || recordedOnline != vehicles);
        }
    }

    /** Live nodes, plus nodes that only the consumers' records still name (with no stats). */
    public List<NodeView> nodes() {
        Map<String, Long> recorded = repository.onlinePerNode();
        List<NodeStats> live = liveNodes();
        Set<String> ids = new TreeSet<>(recorded.keySet());
        live.forEach(s -> ids.add(s.nodeId()));
        Map<String, Long> routed = routed(ids);
        List<NodeView> out = new ArrayList<>();
        for (NodeStats s : live) {
            out.add(new NodeView(s.nodeId(), s.host(), s.port(), s.connections(), s.vehicles(), s.capacity(), s.at(),
                    routed.get(s.nodeId()), recorded.getOrDefault(s.nodeId(), 0L)));
        }
        recorded.forEach((node, n) -> {
            if (out.stream().noneMatch(v -> v.nodeId().equals(node))) {
                out.add(new NodeView(node, "", 0, 0, 0, 0, null, routed.get(node), n));
            }
        });
        out.sort(Comparator.comparing(NodeView::nodeId));
        return out;
    }

    /** The size of each node's route set (SCARD, all at once); -1 where Redis did not answer. */
    private Map<String, Long> routed(Set<String> nodeIds) {
        Map<String, CompletableFuture<Integer>> sizes = new LinkedHashMap<>();
        nodeIds.forEach(id -> sizes.put(id, redis.getSet(RedisKeys.nodeVins(id), StringCodec.INSTANCE).sizeAsync()
                .toCompletableFuture()));
        Map<String, Long> out = new LinkedHashMap<>();
        sizes.forEach((id, size) -> {
            try {
                out.put(id, (long) size.get(REDIS_WAIT.toMillis(), TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.put(id, -1L);
            } catch (Exception e) {
                log.warn("route set of node {} not readable: {}", id, e.toString());
                out.put(id, -1L);
            }
        });
        return out;
    }

    public List<NodeStats> liveNodes() {
        try {
            return nodes.liveNodes().toCompletableFuture().get(REDIS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (Exception e) {
            log.warn("node registry not readable: {}", e.toString());
            return List.of();
        }
    }

    /** Where the vehicle is connected now (its route in Redis), if anywhere. */
    public Optional<SessionStore.Session> session(String vin) {
        try {
            return sessions.get(vin).toCompletableFuture().get(REDIS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            log.warn("session of {} not readable: {}", vin, e.toString());
            return Optional.empty();
        }
    }

    public Optional<LatestState> latest(String vin) {
        return repository.latest(vin);
    }

    public Optional<LastFrame> lastFrame(String vin) {
        return repository.lastFrame(vin).map(f -> {
            String hex = HexFormat.of().formatHex(f.frame());
            try {
                String decoded = frameJson.toJson(decoder.decode(f.frame()));
                return new LastFrame(f.collectedAt(), f.command(),
                        json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(decoded)), null, hex);
            } catch (RuntimeException e) {
                return new LastFrame(f.collectedAt(), f.command(), null, e.getMessage(), hex);
            }
        });
    }

    /** The fleet map: online vehicles' newest positions, at most {@code max} (1 to {@value #MAX_POINTS}). */
    public FleetMap fleet(Integer max) {
        int n = max == null ? 2000 : max;
        if (n < 1 || n > MAX_POINTS) {
            throw AdminException.invalid("max", "1 to " + MAX_POINTS);
        }
        return repository.fleetPositions(n);
    }

    public Track track(String vin, Instant from, Instant to, Integer maxPoints) {
        Instant t = to == null ? clock.instant() : to;
        Instant f = from == null ? t.minus(Duration.ofHours(1)) : from;
        if (!f.isBefore(t)) {
            throw AdminException.invalid("from", "the start must be before the end");
        }
        if (Duration.between(f, t).compareTo(MAX_TRACK) > 0) {
            throw AdminException.invalid("from", "at most 31 days at once");
        }
        int max = maxPoints == null ? 2000 : maxPoints;
        if (max < 1 || max > MAX_POINTS) {
            throw AdminException.invalid("maxPoints", "1 to " + MAX_POINTS);
        }
        return repository.track(vin, f, t, max);
    }
}
