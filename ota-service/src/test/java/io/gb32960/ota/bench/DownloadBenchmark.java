package io.gb32960.ota.bench;

import io.gb32960.infra.db.EmbeddedMariaDb;
import io.gb32960.ota.OtaServiceApplication;
import io.gb32960.ota.firmware.DownloadSigner;
import io.gb32960.ota.firmware.Firmware;
import io.gb32960.ota.firmware.FirmwareService;
import io.gb32960.ota.firmware.FirmwareUpload;
import io.gb32960.ota.rollout.Campaign;
import io.gb32960.ota.rollout.CampaignForm;
import io.gb32960.ota.rollout.CampaignService;
import io.gb32960.ota.rollout.SuccessAction;
import io.gb32960.ota.security.Actor;
import io.gb32960.ota.security.Role;
import io.gb32960.ota.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import redis.embedded.RedisServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figure of docs/benchmarks.md: {@code CLIENTS} vehicles download one {@code SIZE_MB} MB firmware
 * at once through their signed URLs (the real download path: signature, campaign lookup, state
 * updates, FileChannel copy). The service runs in this JVM (its own Spring context, no Kafka, no
 * access node), the clients in a child JVM ({@link DownloadClient}). Reports aggregate throughput and
 * this JVM's resident memory (peak while serving) and heap. Off by default:
 * {@code -Dgb32960.bench=true}, optionally {@code -Dgb32960.bench.clients=1000 -Dgb32960.bench.mb=10}.
 */
@EnabledIfSystemProperty(named = "gb32960.bench", matches = "true")
class DownloadBenchmark {

    private static final int CLIENTS = Integer.getInteger("gb32960.bench.clients", 1000);
    private static final int SIZE_MB = Integer.getInteger("gb32960.bench.mb", 10);
    private static final int RUNS = Integer.getInteger("gb32960.bench.runs", 3);

    @Test
    void concurrentDownloads() throws Exception {
        Path work = Path.of("target", "bench-" + ProcessHandle.current().pid()).toAbsolutePath();
        EmbeddedMariaDb db = EmbeddedMariaDb.builder(work.resolve("mariadb")).baseDir(Path.of("target", "mariadb-base"))
                .start();
        int redisPort = freePort();
        RedisServer redis = RedisServer.builder().port(redisPort).setting("bind 127.0.0.1").setting("save \"\"").build();
        redis.start();
        int httpPort = freePort();
        try (var c = java.sql.DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + db.port() + "/", "root", "")) {
            c.createStatement().execute("CREATE DATABASE bench");
        }
        ConfigurableApplicationContext ctx = OtaServiceApplication.builder().run(
                "--spring.datasource.url=jdbc:mysql://127.0.0.1:" + db.port() + "/bench",
                "--spring.datasource.username=root", "--spring.datasource.password=",
                "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redisPort,
                "--spring.kafka.bootstrap-servers=127.0.0.1:1",
                "--gb32960.ota.rollout.listen-vehicle-events=false",
                "--gb32960.ota.rollout.tick=1h",
                "--gb32960.ota.firmware.max-size=64MB",
                "--gb32960.ota.firmware.storage-dir=" + work.resolve("firmware"),
                "--gb32960.ota.firmware.public-base-url=http://127.0.0.1:" + httpPort,
                "--server.port=" + httpPort);
        try {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            TestData data = new TestData(jdbc, ctx.getBean(org.redisson.api.RedissonClient.class));
            List<String> vins = data.vehicles("BN", CLIENTS, TestData.ACME_MODEL, "FW1.2");
            byte[] file = TestData.firmware(SIZE_MB * 1024 * 1024);
            Actor supplier = new Actor("acme", Set.of(Role.SUPPLIER), data.supplierId("ACME"));
            Actor admin = new Actor("admin", Set.of(Role.ADMIN), null);
            FirmwareService firmware = ctx.getBean(FirmwareService.class);
            Firmware fw = firmware.upload(supplier, new FirmwareUpload(TestData.ACME_MODEL, "HW1.0", "BENCH", null,
                    TestData.hex("MD5", file), TestData.hex("SHA-256", file)), "bench.bin", new ByteArrayInputStream(file));
            firmware.review(admin, fw.id(), true, "bench");
            CampaignService campaigns = ctx.getBean(CampaignService.class);
            Campaign campaign = campaigns.create(admin, new CampaignForm("bench", fw.id(),
                    new CampaignForm.Target(vins, null), List.of(new CampaignForm.GroupForm(100, null, 100,
                    SuccessAction.NEXT_GROUP, 100, 100_000)), 10, null));
            campaigns.start(admin, campaign.id());
            DownloadSigner signer = ctx.getBean(DownloadSigner.class);
            List<String> urls = new ArrayList<>();
            vins.forEach(v -> urls.add(signer.url(fw.id(), v, campaign.id())));
            Path urlFile = work.resolve("urls.txt");
            Files.write(urlFile, urls);

            for (int run = 1; run <= RUNS; run++) {
                System.gc();
                long heapBefore = usedHeap();
                AtomicLong peakRss = new AtomicLong();
                AtomicLong peakHeap = new AtomicLong();
                ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
                sampler.scheduleAtFixedRate(() -> {
                    peakRss.accumulateAndGet(rssKb(), Math::max);
                    peakHeap.accumulateAndGet(usedHeap(), Math::max);
                }, 0, 100, TimeUnit.MILLISECONDS);
                String load = Files.readString(Path.of("/proc/loadavg")).trim();
                Process client = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m", Path.of("src/test/java/io/gb32960/ota/bench/DownloadClient.java").toAbsolutePath()
                        .toString(), urlFile.toString()).redirectErrorStream(true).start();
                String out = new String(client.getInputStream().readAllBytes()).trim();
                assertThat(client.waitFor()).isZero();
                sampler.shutdownNow();
                String result = out.lines().filter(l -> l.startsWith("{")).findFirst().orElse(out);
                System.out.printf("BENCH run %d: clients %d, file %d MB, loadavg before [%s]: %s, service RSS peak %d MB,"
                                + " heap before %d MB, heap peak %d MB, tomcat max threads %s%n", run, CLIENTS, SIZE_MB,
                        load, result, peakRss.get() / 1024, heapBefore >> 20, peakHeap.get() >> 20,
                        ctx.getEnvironment().getProperty("server.tomcat.threads.max"));
                assertThat(result).contains("\"downloads\":" + CLIENTS + ",\"failed\":0,\"bytes\":"
                        + (long) CLIENTS * file.length);
            }
        } finally {
            ctx.close();
            redis.stop();
            db.close();
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
