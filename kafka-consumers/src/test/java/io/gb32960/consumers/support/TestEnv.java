package io.gb32960.consumers.support;

import io.gb32960.platform.common.kafka.Topics;
import io.gb32960.protocol.frame.FrameHeader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What one test class works with: its own empty database, topics and groups on the shared broker,
 * the shared Redis; and the means to start the application against them, produce records and read
 * topics.
 */
public final class TestEnv implements AutoCloseable {

    public static final String NODE = "test-node";

    private final DbServer db;
    private final String database;
    private final TestTopics topics;
    private final Supplier<String> bootstrap;
    private final IntSupplier redisPort;
    private final JdbcTemplate jdbc;
    private RedissonClient redisson;
    private KafkaProducer<String, byte[]> producer;

    TestEnv(DbServer db, String database, TestTopics topics, Supplier<String> bootstrap, IntSupplier redisPort) {
        this.db = db;
        this.database = database;
        this.topics = topics;
        this.bootstrap = bootstrap;
        this.redisPort = redisPort;
        DriverManagerDataSource ds = new DriverManagerDataSource(db.url(database), db.user(), db.password());
        this.jdbc = new JdbcTemplate(ds);
    }

    public String jdbcUrl() {
        return db.url(database);
    }

    public String database() {
        return database;
    }

    /** Plain JDBC on the test database (a new connection per call). */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public TestTopics topics() {
        return topics;
    }

    public String bootstrapServers() {
        return bootstrap.get();
    }

    public int redisPort() {
        return redisPort.getAsInt();
    }

    public synchronized RedissonClient redis() {
        if (redisson == null) {
            Config config = new Config();
            config.useSingleServer().setAddress("redis://127.0.0.1:" + redisPort());
            redisson = Redisson.create(config);
        }
        return redisson;
    }

    /** Creates the class's topics with {@code partitions} partitions (before the application does). */
    public void createTopics(int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            List<NewTopic> all = new ArrayList<>();
            for (String t : List.of(topics.telemetry(), topics.telemetryDlt(), topics.events(), topics.eventsDlt(),
                    topics.decoded())) {
                all.add(new NewTopic(t, partitions, (short) 1));
            }
            try {
                admin.createTopics(all).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The command line of the application against this environment; {@code extra} wins. */
    public List<String> appArgs(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + jdbcUrl(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
                "--spring.kafka.consumer.properties.session.timeout.ms=10000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
                "--spring.kafka.consumer.max-poll-records=500",
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + redisPort(),
                "--server.port=0",
                "--gb32960.consumers.telemetry.topic=" + topics.telemetry(),
                "--gb32960.consumers.telemetry.dead-letter-topic=" + topics.telemetryDlt(),
                "--gb32960.consumers.telemetry.group-id=" + topics.prefix() + ".persister",
                "--gb32960.consumers.events.topic=" + topics.events(),
                "--gb32960.consumers.events.dead-letter-topic=" + topics.eventsDlt(),
                "--gb32960.consumers.events.group-id=" + topics.prefix() + ".events",
                "--gb32960.consumers.decoded.topic=" + topics.decoded(),
                "--gb32960.consumers.decoded.group-id=" + topics.prefix() + ".decoded",
                "--gb32960.consumers.new-topics.partitions=2",
                "--gb32960.consumers.new-topics.replication-factor=1",
                "--gb32960.consumers.retry.initial-interval=200ms",
                "--gb32960.consumers.retry.max-interval=2s"));
        args.addAll(List.of(extra));
        // a property given twice would bind as "a,b": the later one replaces the earlier
        Map<String, String> byName = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            byName.put(eq < 0 ? a : a.substring(0, eq), a);
        }
        return new ArrayList<>(byName.values());
    }

    /** A telemetry record as the access node publishes it: key VIN, headers command, edition, node, receivedAt. */
    public ProducerRecord<String, byte[]> telemetryRecord(byte[] frame, Instant receivedAt) {
        FrameHeader h = FrameHeader.parse(frame, 0);
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(topics.telemetry(), h.vin(), frame);
        r.headers().add(Topics.HEADER_COMMAND, utf8(Integer.toString(h.command())));
        r.headers().add(Topics.HEADER_EDITION, utf8(h.edition().label()));
        r.headers().add(Topics.HEADER_NODE, utf8(NODE));
        r.headers().add(Topics.HEADER_RECEIVED_AT, utf8(Long.toString(receivedAt.toEpochMilli())));
        return r;
    }

    /** Sends and waits for every acknowledgement. */
    public void send(List<ProducerRecord<String, byte[]>> records) {
        KafkaProducer<String, byte[]> p = producer();
        List<Future<?>> acks = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> r : records) {
            acks.add(p.send(r));
        }
        p.flush();
        for (Future<?> f : acks) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** Reads {@code topic} from the beginning until {@code count} records arrived or {@code timeout} passed. */
    public List<ConsumerRecord<String, byte[]>> read(String topic, int count, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (out.size() < count && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    public static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (redisson != null) {
            redisson.shutdown();
        }
        if (DbServer.externalRequested()) {
            db.execute("DROP DATABASE IF EXISTS " + database); // keep the developer's server tidy
        }
    }
}
