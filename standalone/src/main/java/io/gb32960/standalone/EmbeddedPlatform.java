package io.gb32960.standalone;

import io.gb32960.access.dispatch.DispatchServer;
import io.gb32960.access.server.NettyAccessServer;
import io.gb32960.infra.KafkaBroker;
import io.gb32960.infra.db.EmbeddedMariaDb;
import io.gb32960.simulator.sim.VehicleIdentity;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The whole platform in this JVM: redis-server, a KRaft Kafka broker and MariaDB (child processes,
 * data under the data directory) started side by side; the schema migrated once; then each service
 * in its own Spring context on its own ports, one after the other; then the demo data and fleet.
 * Closing stops everything in reverse order.
 */
final class EmbeddedPlatform implements AutoCloseable {

    private final Deque<AutoCloseable> running = new ConcurrentLinkedDeque<>();
    private final Endpoints endpoints = new Endpoints();
    private final ExecutorService starters = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "standalone-start");
        t.setDaemon(true);
        return t;
    });

    Endpoints endpoints() {
        return endpoints;
    }

    static EmbeddedPlatform start(StandaloneOptions o, RunDirectory dir, Consumer<String> progress) throws Exception {
        EmbeddedPlatform p = new EmbeddedPlatform();
        try {
            p.startAll(o, dir, progress);
            return p;
        } catch (Exception | Error e) {
            p.close();
            throw e;
        } finally {
            p.starters.shutdown();
        }
    }

    private void startAll(StandaloneOptions o, RunDirectory dir, Consumer<String> progress) throws Exception {
        String publicHost = o.publicHost.isBlank() ? (o.host.equals("0.0.0.0") ? "127.0.0.1" : o.host) : o.publicHost;

        progress.accept("starting Redis, Kafka and MariaDB");
        int redisPort = KafkaBroker.freePort();
        var redisStart = started(() -> Infrastructure.startRedis(dir, redisPort), r -> r::stop);
        var kafkaStart = started(() -> Infrastructure.startKafka(dir), k -> k);
        var dbStart = started(() -> Infrastructure.startDatabase(dir), d -> d);
        awaitAll(List.of(redisStart, kafkaStart, dbStart));
        dir.recordChildren();
        KafkaBroker kafka = kafkaStart.join();
        EmbeddedMariaDb db = dbStart.join();
        endpoints.put("redis", "127.0.0.1:" + redisPort);
        endpoints.put("kafka", kafka.bootstrapServers());
        endpoints.put("mariadb", db.jdbcUrl(Infrastructure.DATABASE) + " (user root, no password)");

        progress.accept("migrating the database");
        String jdbcUrl = Infrastructure.migrate(db);
        String adminPassword = Infrastructure.noUsers(jdbcUrl) ? DemoData.newPassword("admin-") : null;
        Services services = new Services(new Infrastructure(redisPort, kafka.bootstrapServers(), jdbcUrl));

        progress.accept("starting the access node" + (o.accessNodes > 1 ? "s (" + o.accessNodes + ")" : "")
                + ", the Kafka consumers, the admin backend and the OTA service");
        // one after the other: Spring Boot initialises JVM-wide state (logging, system properties)
        // when an application starts, and concurrent starts in one JVM race on it
        var accessStart = started(() -> services.access(o, dir, publicHost, 1), c -> c);
        awaitAll(List.of(accessStart));
        List<ConfigurableApplicationContext> moreNodes = new ArrayList<>();
        for (int node = 2; node <= o.accessNodes; node++) {
            int n = node;
            var nodeStart = started(() -> services.access(o, dir, publicHost, n), c -> c);
            awaitAll(List.of(nodeStart));
            moreNodes.add(nodeStart.join());
        }
        var consumersStart = started(services::consumers, c -> c);
        awaitAll(List.of(consumersStart));
        var adminStart = started(() -> services.admin(o, adminPassword), c -> c);
        awaitAll(List.of(adminStart));
        var otaStart = started(() -> startOta(services, o.otaPort, publicHost, dir), c -> c);
        awaitAll(List.of(otaStart));
        ConfigurableApplicationContext access = accessStart.join();
        ConfigurableApplicationContext admin = adminStart.join();
        int dispatchPort = access.getBean(DispatchServer.class).port();
        endpoints.put("access (vehicles)", publicHost + ":" + access.getBean(NettyAccessServer.class).port());
        endpoints.put("dispatch (SLB login)", publicHost + ":" + dispatchPort);
        endpoints.put("access actuator", "http://127.0.0.1:" + httpPort(access) + "/actuator/prometheus");
        for (int i = 0; i < moreNodes.size(); i++) {
            ConfigurableApplicationContext node = moreNodes.get(i);
            endpoints.put("access node " + (i + 2) + " (vehicles)",
                    publicHost + ":" + node.getBean(NettyAccessServer.class).port());
            endpoints.put("access node " + (i + 2) + " actuator",
                    "http://127.0.0.1:" + httpPort(node) + "/actuator/prometheus");
        }
        endpoints.put("consumers actuator", "http://127.0.0.1:" + httpPort(consumersStart.join()) + "/actuator/prometheus");
        String adminUrl = "http://127.0.0.1:" + httpPort(admin);
        endpoints.put("admin (web, REST API)", adminUrl + "/");
        endpoints.put("admin API docs", adminUrl + "/swagger-ui.html");
        String otaUrl = "http://127.0.0.1:" + httpPort(otaStart.join());
        endpoints.put("ota (web, REST API)", otaUrl + "/");
        endpoints.put("ota API docs", otaUrl + "/swagger-ui.html");
        endpoints.put("admin user", "admin (also signs in to the OTA service)");
        if (adminPassword != null) {
            endpoints.showOnce("admin password", adminPassword);
        }

        DemoData demo = new DemoData(admin);
        String supplierPassword = DemoData.newPassword("supplier-");
        if (demo.createSupplier(supplierPassword)) {
            endpoints.showOnce("supplier password", supplierPassword);
        }
        endpoints.put("demo supplier user", DemoData.SUPPLIER_USER + " (supplier " + DemoData.SUPPLIER_CODE
                + ", terminal model " + DemoData.TERMINAL_MODEL + ")");
        if (o.demoVehicles > 0) {
            progress.accept("starting " + o.demoVehicles + " demo vehicles");
            String accountPassword = DemoData.keptPassword(dir.resolve("demo-account.txt"), "demo-");
            List<VehicleIdentity> fleet = demo.ensureFleet(accountPassword, o.demoVehicles);
            running.push(DemoFleet.start(fleet, DemoData.ACCOUNT, accountPassword,
                    Duration.ofSeconds(o.demoIntervalSeconds), "127.0.0.1", dispatchPort));
            endpoints.put("demo vehicles", o.demoVehicles + " (" + fleet.get(0).vin() + " ...), platform account "
                    + DemoData.ACCOUNT + " (password in " + dir.resolve("demo-account.txt") + ")");
        }
        endpoints.put("data directory", dir.root().toString());
    }

    /**
     * The OTA service signs download links with its port, so it needs a concrete one before it
     * starts: with port 0 a free port is picked, and picked again should another program take it
     * before the service binds it (the other services bind port 0 themselves at that moment).
     */
    private static ConfigurableApplicationContext startOta(Services services, int port, String publicHost,
                                                           RunDirectory dir) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return services.ota(port == 0 ? KafkaBroker.freePort() : port, publicHost, dir);
            } catch (RuntimeException e) {
                if (port != 0 || attempt == 3 || !portTaken(e)) {
                    throw e;
                }
                System.err.println("standalone: the port picked for the OTA service was taken meanwhile; picking another");
            }
        }
    }

    private static boolean portTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException || t instanceof PortInUseException) {
                return true;
            }
        }
        return false;
    }

    /** Starts a part on a thread of its own; once started it is stopped by {@link #close()}. */
    private <T> CompletableFuture<T> started(Callable<T> start, Function<T, AutoCloseable> stopper) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                T part = start.call();
                running.push(stopper.apply(part));
                return part;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, starters);
    }

    /** Waits for every start, so that all that did start are known to {@link #close()}; then the first failure. */
    private static void awaitAll(List<CompletableFuture<?>> starts) throws Exception {
        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).exceptionally(t -> null).join();
        for (CompletableFuture<?> s : starts) {
            try {
                s.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }

    private static int httpPort(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                System.err.println("standalone: stopping a part failed: " + e);
            }
        }
    }

    static void writeEndpoints(RunDirectory dir, Endpoints endpoints, long readyMillis) throws IOException {
        Path tmp = dir.resolve("endpoints.json.tmp");
        Files.writeString(tmp, endpoints.json(readyMillis));
        Files.move(tmp, dir.resolve("endpoints.json"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
