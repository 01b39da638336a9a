package io.gb32960.admin.vehicle;

import io.gb32960.admin.support.AdminTest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The vehicle pages with 100,000 vehicles in the database: paged and filtered in SQL, on indexes.
 * The vehicles are inserted in one transaction that the test rolls back, so no other test sees them;
 * MockMvc serves the requests on the test's thread, inside that transaction.
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
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theVehiclePagesAnswerQuicklyWithAHundredThousandVehicles() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            assertThat(jdbc.update(INSERT)).isEqualTo(VEHICLES);
            // the first requests after a bulk insert also merge InnoDB's change buffer into the new
            // secondary index pages; the second pass shows what users of such a database see
            Map<String, Long> first = pass();
            Map<String, Long> second = pass();
            log.info("vehicle pages with {} vehicles, milliseconds: first pass {}, second pass {}", VEHICLES, first,
                    second);
            assertThat(timed("/api/vehicles?vehicleModel=SCALE-MODEL-7&size=100").body())
                    .contains("\"total\":" + VEHICLES / 10);
            assertThat(timed("/vehicles?q=LSCALE0000001234").body()).contains("LSCALE0000001234");
            assertThat(second).as("milliseconds per page: %s", second)
                    .allSatisfy((url, ms) -> assertThat(ms).as(url).isLessThan(MAX_MILLIS));
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vehicle WHERE vin LIKE 'LSCALE%'", Integer.class))
                .as("rolled back").isZero();
    }

    private record Timed(long millis, String body) {
    }

    private Map<String, Long> pass() {
        Map<String, Long> millis = new LinkedHashMap<>();
        for (String url : List.of("/vehicles", "/vehicles?page=1999", "/vehicles?vehicleModel=SCALE-MODEL-7",
                "/vehicles?firmwareVersion=SCALE-FW-3&page=100", "/vehicles?q=LSCALE0000001234", "/vehicles?q=SC0999",
                "/vehicles?online=false&page=500", "/dashboard", "/api/vehicles?vehicleModel=SCALE-MODEL-7&size=100")) {
            millis.put(url, timed(url).millis());
        }
        return millis;
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
