package io.gb32960.admin.vehicle;

import io.gb32960.admin.support.AdminTest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The vehicle pages with 100,000 vehicles in the database: paged and filtered in SQL, on indexes.
 * The vehicles are committed (as a user's database holds them: InnoDB reads uncommitted rows of a
 * transaction's own through extra lookups, so a rolled-back insert would time something else) and
 * deleted at the end; no other test runs meanwhile, and the others filter on what they create.
 */
@AdminTest
class VehicleListScaleTest {

    private static final Logger log = LoggerFactory.getLogger(VehicleListScaleTest.class);
    private static final int VEHICLES = 100_000;
    /** Generous: the machine running the tests may be busy with other work. */
    private static final long MAX_MILLIS = 3_000;
    private static final String DIGITS = "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3"
            + " UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8"
            + " UNION ALL SELECT 9)";
    private static final String INSERT = "INSERT INTO vehicle (vin, plate, vehicle_model, firmware_version, enabled)"
            + " SELECT CONCAT('LSCALE', LPAD(n, 11, '0')), CONCAT('SC', LPAD(n, 6, '0')),"
            + " CONCAT('SCALE-MODEL-', n % 10), CONCAT('SCALE-FW-', n % 20), 1"
            + " FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS n FROM " + DIGITS + " a, "
            + DIGITS + " b, " + DIGITS + " c, " + DIGITS + " e, " + DIGITS + " f) numbers";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theVehiclePagesAnswerQuicklyWithAHundredThousandVehicles() {
        try {
            assertThat(jdbc.update(INSERT)).isEqualTo(VEHICLES);
            // the first requests after a bulk insert also merge InnoDB's change buffer into the new
            // secondary index pages; the passes after it show what users of such a database see
            Map<String, Long> first = pass();
            List<Map<String, Long>> passes = List.of(pass(), pass(), pass(), pass(), pass());
            Map<String, Long> median = new LinkedHashMap<>();
            first.keySet().forEach(url -> median.put(url,
                    passes.stream().mapToLong(m -> m.get(url)).sorted().skip(passes.size() / 2).findFirst().orElseThrow()));
            log.info("vehicle pages with {} vehicles, milliseconds: first pass {}, median of {} more {}; loadavg {}",
                    VEHICLES, first, passes.size(), median, loadavg());
            explain();
            keysetPagesAreThePagesByNumber();
            assertThat(timed("/api/vehicles?vehicleModel=SCALE-MODEL-7&size=100").body())
                    .contains("\"total\":" + VEHICLES / 10);
            assertThat(timed("/vehicles?q=LSCALE0000001234").body()).contains("LSCALE0000001234");
            assertThat(median).as("milliseconds per page: %s", median)
                    .allSatisfy((url, ms) -> assertThat(ms).as(url).isLessThan(MAX_MILLIS));
        } finally {
            jdbc.update("DELETE FROM vehicle WHERE vin LIKE 'LSCALE%'");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vehicle WHERE vin LIKE 'LSCALE%'", Integer.class))
                .as("deleted").isZero();
    }

    private record Timed(long millis, String body) {
    }

    private Map<String, Long> pass() {
        Map<String, Long> millis = new LinkedHashMap<>();
        for (String url : List.of("/vehicles", "/vehicles?page=1000", "/vehicles?page=1999",
                "/vehicles?after=LSCALE00000050049&page=1001", "/vehicles?before=LSCALE00000050000&page=999",
                "/vehicles?vehicleModel=SCALE-MODEL-7",
                "/vehicles?firmwareVersion=SCALE-FW-3&page=100", "/vehicles?q=LSCALE0000001234", "/vehicles?q=SC0999",
                "/vehicles?online=false&page=500", "/dashboard", "/api/vehicles?vehicleModel=SCALE-MODEL-7&size=100")) {
            millis.put(url, timed(url).millis());
        }
        return millis;
    }

    /**
     * The next and previous pages by cursor hold what the pages by number hold, and a page read from
     * the end holds what the same page read from the start would (the other tests' vehicles are in
     * the list too, so the expected VINs come from SQL).
     */
    private void keysetPagesAreThePagesByNumber() {
        String page1000 = timed("/api/vehicles?page=1000&size=50").body();
        assertThat(vins(page1000)).isEqualTo(sqlPage(50_000, 50));
        String next = field(page1000, "nextAfter");
        String previous = field(page1000, "previousBefore");
        assertThat(vins(timed("/api/vehicles?after=" + next + "&size=50&page=1001").body()))
                .isEqualTo(vins(timed("/api/vehicles?page=1001&size=50").body())).isEqualTo(sqlPage(50_050, 50));
        assertThat(vins(timed("/api/vehicles?before=" + previous + "&size=50&page=999").body()))
                .isEqualTo(vins(timed("/api/vehicles?page=999&size=50").body())).isEqualTo(sqlPage(49_950, 50));

        long total = Long.parseLong(field(timed("/api/vehicles?size=75").body(), "total"));
        int lastPage = (int) ((total - 1) / 75);
        String last = timed("/api/vehicles?page=" + lastPage + "&size=75").body();
        assertThat(last).doesNotContain("nextAfter");
        assertThat(vins(last)).as("the last page, read from the end").isEqualTo(sqlPage(lastPage * 75L, 75));
        assertThat(vins(timed("/api/vehicles?page=" + (lastPage + 50) + "&size=75").body()))
                .as("past the end: the last page").isEqualTo(vins(last));
        assertThat(vins(timed("/api/vehicles?page=" + (lastPage - 1) + "&size=75").body()))
                .isEqualTo(sqlPage((lastPage - 1) * 75L, 75))
                .isEqualTo(vins(timed("/api/vehicles?before=" + field(last, "previousBefore") + "&size=75").body()));
    }

    private List<String> sqlPage(long offset, int size) {
        return jdbc.queryForList("SELECT vin FROM vehicle ORDER BY vin LIMIT ? OFFSET ?", String.class, size, offset);
    }

    /** The VINs of an API answer, in order. */
    private static List<String> vins(String json) {
        return Pattern.compile("\"vin\":\"([A-Z0-9]{17})\"").matcher(json).results().map(m -> m.group(1)).toList();
    }

    /** A top-level string or number field of an API answer. */
    private static String field(String json, String name) {
        return Pattern.compile("\"" + name + "\":\"?([A-Z0-9]+)").matcher(json).results().map(m -> m.group(1))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + json));
    }

    /** The plans of the list's and the dashboard's queries, for the log. */
    private void explain() {
        for (String sql : List.of(
                "SELECT v.vin FROM vehicle v ORDER BY v.vin LIMIT 50 OFFSET 49950",
                "SELECT v.vin FROM vehicle v ORDER BY v.vin DESC LIMIT 50 OFFSET 0",
                "SELECT v.vin FROM vehicle v WHERE v.vin > 'LSCALE00000050049' ORDER BY v.vin LIMIT 51",
                "SELECT v.vin FROM vehicle v WHERE v.firmware_version = 'SCALE-FW-3' ORDER BY v.vin LIMIT 50 OFFSET 5000",
                "SELECT v.vin FROM vehicle v LEFT JOIN vehicle_online_state s ON s.vin = v.vin AND s.online = 1"
                        + " WHERE s.vin IS NULL ORDER BY v.vin LIMIT 50 OFFSET 25000",
                "SELECT COUNT(*) FROM vehicle v",
                "SELECT COUNT(*) FROM vehicle_online_state WHERE online = 1",
                "SELECT node, COUNT(*) FROM vehicle_online_state WHERE online = 1 GROUP BY node",
                "SELECT COUNT(*) FROM telemetry WHERE received_at >= NOW() - INTERVAL 1 MINUTE",
                "SELECT COUNT(*) FROM alarm_event WHERE collected_at >= CURDATE() AND max_level >= 3",
                "SELECT a.vin FROM alarm_event a LEFT JOIN alarm_ack k ON k.vin = a.vin AND k.collected_at = a.collected_at"
                        + " AND k.command = a.command WHERE a.max_level >= 3 AND a.collected_at >= CURDATE()"
                        + " AND k.vin IS NULL ORDER BY a.collected_at DESC, a.vin LIMIT 20")) {
            log.info("EXPLAIN {}\n  {}", sql, jdbc.queryForList("EXPLAIN " + sql));
        }
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private Timed timed(String url) {
        try {
            long start = System.nanoTime();
            MvcResult result = mvc.perform(get(url).with(user("scale-viewer").roles("VIEWER"))).andReturn();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
            return new Timed(millis, result.getResponse().getContentAsString());
        } catch (Exception e) {
            throw new IllegalStateException(url, e);
        }
    }
}
