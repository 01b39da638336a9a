package io.gb32960.standalone;

import io.gb32960.protocol.frame.CommandId;
import io.gb32960.simulator.sim.Simulation;
import io.gb32960.simulator.sim.SimulationConfig;
import io.gb32960.simulator.sim.SimulationSummary;
import io.gb32960.simulator.sim.VehicleIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform as a user starts it (the packaged launcher, free ports, a fresh data directory),
 * checked only through its public interfaces: the REST API of the admin backend and the database.
 * 50 vehicles registered through the API log in through dispatch, spread over the launcher's two
 * access nodes, and report for a minute of simulated traffic; then every frame the simulator sent
 * is one telemetry row (none lost, none doubled), alarms are recorded, a parameter query is
 * answered; a stop leaves no process behind.
 */
class StandaloneEndToEndIT {

    private static final Path JAR = Path.of("target", "gb32960-standalone.jar");
    private static final int VEHICLES = 50;
    private static final String ACCOUNT = "e2e";
    private static final String ACCOUNT_PASSWORD = "e2e-secret-1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps the launcher's log
    Path dir;

    private Process launcher;
    private Simulation simulation;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String adminUrl;
    private String apiToken;

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (simulation != null) {
            simulation.stop();
        }
        if (launcher != null) {
            launcher.destroy();
            launcher.waitFor(60, TimeUnit.SECONDS);
            launcher.destroyForcibly();
        }
    }

    @Test
    void vehiclesReportThroughDispatchAndEveryFrameIsStoredOnce() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("launcher.log");
        launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1500m",
                "-jar", JAR.toAbsolutePath().toString(), "--data-dir", data.toString(), "--demo-vehicles", "0", "--access-nodes", "2",
                "--access-port", "0", "--dispatch-port", "0", "--admin-port", "0", "--ota-port", "0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofMinutes(4)).until(() -> Files.exists(data.resolve("endpoints.json")) || !launcher.isAlive());
        assertThat(launcher.isAlive()).as("launcher running; the end of its log:%n%s", tail(log)).isTrue();
        String endpoints = Files.readString(data.resolve("endpoints.json"));
        adminUrl = field(endpoints, "admin (web, REST API)");
        String jdbcUrl = field(endpoints, "mariadb").replace(" (user root, no password)", "");
        String[] dispatch = field(endpoints, "dispatch (SLB login)").split(":");

        signInAndCreateApiToken(shownOnce(Files.readString(log), "admin password"));
        assertThat(api("POST", "/api/platform-accounts", """
                {"account": "%s", "name": "end-to-end test", "password": "%s", "enabled": true}"""
                .formatted(ACCOUNT, ACCOUNT_PASSWORD)).statusCode()).isEqualTo(201);
        List<VehicleIdentity> fleet = IntStream.rangeClosed(1, VEHICLES).mapToObj(n -> VehicleIdentity.of(
                DemoData.vin(9000 + n))).toList();
        StringBuilder csv = new StringBuilder("vin,plate,vehicleModel,terminalModel,iccid,firmwareVersion,hardwareVersion,enabled\n");
        fleet.forEach(v -> csv.append(v.vin()).append(",E2E,e2e,DEMO-TBOX,").append(v.iccid()).append(",1.0.0,HW1,true\n"));
        HttpResponse<String> imported = send(HttpRequest.newBuilder(uri("/api/vehicles/import"))
                .header("Authorization", "Bearer " + apiToken).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())));
        assertThat(imported.statusCode()).as(imported.body()).isBetween(200, 201);
        assertThat(json(imported).path("created").asInt()).as(imported.body()).isEqualTo(VEHICLES);

        simulation = new Simulation(SimulationConfig.builder().vehicles(fleet).port(1)
                .dispatch(new SimulationConfig.Dispatch(dispatch[0], Integer.parseInt(dispatch[1]), ACCOUNT, ACCOUNT_PASSWORD))
                .interval(Duration.ofSeconds(1)).rampUp(Duration.ofSeconds(2)).alarmProbability(0.05)
                .loginRetry(Duration.ofSeconds(10)).threads(1)
                .upgrade(new SimulationConfig.Upgrade("1.0.0", "HW1", 0, 0.2, Duration.ofSeconds(1), null, null))
                .build());
        simulation.start();
        await().atMost(Duration.ofMinutes(1)).ignoreExceptions()
                .until(() -> json(api("GET", "/api/dashboard", null)).path("onlineNow").asInt() == VEHICLES);
        // two access nodes in the launcher: the dispatcher spread the fleet over both
        assertThat(simulation.summary().dispatch().nodes()).as(simulation.summary().toJson()).hasSize(2)
                .allSatisfy((node, vehicles) -> assertThat(vehicles).isGreaterThanOrEqualTo(VEHICLES / 4));
        assertThat(field(endpoints, "access node 2 (vehicles)")).isNotBlank();

        HttpResponse<String> query = api("POST", "/api/commands", """
                {"vin": "%s", "command": {"type": "QUERY", "parameterIds": [7, 8]}, "timeoutSeconds": 30}"""
                .formatted(fleet.get(0).vin()));
        assertThat(json(query).path("status").asString()).as(query.body()).isEqualTo("ANSWERED");

        rollOutNewFirmware(field(endpoints, "ota (web, REST API)"), shownOnce(Files.readString(log), "supplier password"),
                fleet.subList(0, 10).stream().map(VehicleIdentity::vin).toList());

        await().pollInterval(Duration.ofSeconds(5)).atMost(Duration.ofMinutes(2))
                .until(() -> simulation.summary().framesSent(CommandId.REALTIME_REPORT) >= 60L * VEHICLES);
        simulation.stop();
        SimulationSummary summary = simulation.summary();
        long sent = summary.framesSent(CommandId.REALTIME_REPORT) + summary.framesSent(CommandId.REISSUE_REPORT);
        assertThat(summary.errors()).as(summary.toJson()).isZero();

        List<String> vins = fleet.stream().map(VehicleIdentity::vin).toList();
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(count(jdbcUrl, "telemetry", vins))
                .as("telemetry rows: one per frame sent (%s)", summary.toJson()).isGreaterThanOrEqualTo(sent));
        assertThat(count(jdbcUrl, "telemetry", vins)).as("telemetry rows: one per frame sent").isEqualTo(sent);
        assertThat(count(jdbcUrl, "alarm_event", vins)).as("alarm rows").isPositive();
        JsonNode alarms = json(api("GET", "/api/alarms?vin=" + vins.get(0) + "&size=1", null));
        assertThat(alarms.path("total").isNumber()).as(alarms.toString()).isTrue();

        List<ProcessHandle> children = launcher.toHandle().descendants().toList();
        assertThat(children).as("redis, kafka, mariadb").hasSizeGreaterThanOrEqualTo(3);
        launcher.destroy(); // SIGTERM, as Ctrl-C
        assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).as("clean shutdown").isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
    }

    /**
     * The demo supplier uploads firmware 1.1.0 on the OTA service, the admin (API token) approves it
     * and runs a 2-group campaign over {@code vins}; every vehicle downloads, installs and reports it.
     */
    private void rollOutNewFirmware(String otaUrl, String supplierPassword, List<String> vins) throws Exception {
        String ota = otaUrl.replaceAll("/$", "");
        HttpClient supplier = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String csrf = signIn(supplier, ota, "supplier", supplierPassword, "/supplier");
        byte[] firmware = new byte[256 * 1024];
        new java.util.Random(32960).nextBytes(firmware);
        String boundary = "----e2e" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.Map<String, String> fields = java.util.Map.of("terminalModel", "DEMO-TBOX", "hardwareVersion", "HW1",
                "version", "1.1.0", "releaseNotes", "end-to-end test", "md5", hex("MD5", firmware),
                "sha256", hex("SHA-256", firmware));
        for (var f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"e2e.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(firmware);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> uploaded = supplier.send(HttpRequest.newBuilder(URI.create(ota + "/api/firmware"))
                .header("X-CSRF-TOKEN", csrf).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        long firmwareId = json(uploaded).path("id").asLong();

        HttpResponse<String> approved = apiAt(ota, "POST", "/api/firmware/" + firmwareId + "/review",
                "{\"approve\": true, \"comment\": \"end-to-end test\"}");
        assertThat(json(approved).path("status").asString()).as(approved.body()).isEqualTo("APPROVED");
        String group = "{\"percent\": %d, \"successThreshold\": 100, \"successAction\": \"NEXT_GROUP\", "
                + "\"errorThreshold\": 50, \"errorMinSample\": 3}";
        HttpResponse<String> campaign = apiAt(ota, "POST", "/api/campaigns", "{\"name\": \"e2e\", \"firmwareId\": "
                + firmwareId + ", \"target\": {\"vins\": " + JSON.writeValueAsString(vins) + "}, \"groups\": ["
                + group.formatted(50) + ", " + group.formatted(100) + "], \"maxRetries\": 1}");
        assertThat(campaign.statusCode()).as(campaign.body()).isEqualTo(201);
        long campaignId = json(campaign).path("id").asLong();
        assertThat(apiAt(ota, "POST", "/api/campaigns/" + campaignId + "/start", null).statusCode()).isEqualTo(200);

        await().pollInterval(Duration.ofSeconds(2)).atMost(Duration.ofMinutes(3)).until(() ->
                json(apiAt(ota, "GET", "/api/campaigns/" + campaignId, null)).path("campaign").path("status").asString(),
                status -> status.equals("FINISHED") || status.equals("PAUSED"));
        JsonNode done = json(apiAt(ota, "GET", "/api/campaigns/" + campaignId, null));
        assertThat(done.path("campaign").path("status").asString()).as(done.toString()).isEqualTo("FINISHED");
        assertThat(done.path("totals").path("SUCCEEDED").asInt()).as(done.toString()).isEqualTo(vins.size());
        JsonNode vehicle = json(api("GET", "/api/vehicles/" + vins.get(0), null));
        assertThat(vehicle.path("firmwareVersion").asString()).as(vehicle.toString()).isEqualTo("1.1.0");
    }

    private static String hex(String algorithm, byte[] data) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm).digest(data));
    }

    /** Form sign-in; returns the CSRF token of {@code page} for the API calls of this session. */
    private static String signIn(HttpClient client, String base, String user, String password, String page)
            throws Exception {
        String loginPage = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String form = "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + csrf(loginPage, "name=\"_csrf\" value=\"([^\"]+)\"");
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String html = client.send(HttpRequest.newBuilder(URI.create(base + page)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return csrf(html, "<meta name=\"_csrf\" content=\"([^\"]+)\"");
    }

    private void signInAndCreateApiToken(String adminPassword) throws Exception {
        String token = signIn(http, adminUrl.replaceAll("/$", ""), "admin", adminPassword, "/dashboard");
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/tokens"))
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"e2e\", \"role\": \"ADMIN\", \"validDays\": 1}")));
        assertThat(created.statusCode()).as(created.body()).isBetween(200, 201);
        apiToken = json(created).path("token").asString();
        assertThat(apiToken).startsWith("gbt_");
    }

    private HttpResponse<String> api(String method, String path, String body) throws IOException, InterruptedException {
        return apiAt(adminUrl.replaceAll("/$", ""), method, path, body);
    }

    /** A call with the admin's API token, which both web services accept. */
    private HttpResponse<String> apiAt(String base, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + apiToken)
                .timeout(Duration.ofSeconds(60));
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return send(b);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(adminUrl.replaceAll("/$", "") + path);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static long count(String jdbcUrl, String table, List<String> vins) throws SQLException {
        String marks = String.join(",", java.util.Collections.nCopies(vins.size(), "?"));
        try (Connection c = DriverManager.getConnection(jdbcUrl, "root", "");
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE vin IN (" + marks + ")")) {
            for (int i = 0; i < vins.size(); i++) {
                s.setString(i + 1, vins.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\": \"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    private static String shownOnce(String log, String name) {
        Matcher m = Pattern.compile("(?m)^\\s+" + Pattern.quote(name) + "\\s+(\\S+)$").matcher(log);
        assertThat(m.find()).as(name + " in the banner").isTrue();
        return m.group(1);
    }

    private static String csrf(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertThat(m.find()).as("CSRF token").isTrue();
        return m.group(1);
    }
}
