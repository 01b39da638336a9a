package io.gb32960.consumers.partition;

import io.gb32960.consumers.config.ConsumersProperties;
import io.gb32960.sql.TelemetryPartitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the telemetry table's monthly partitions ahead of time and, when a retention is set, drops
 * the old ones ({@link TelemetryPartitions}). Runs once when the application starts, before the
 * listener containers (a lower lifecycle phase), then every {@code interval}. A failure is logged
 * and retried at the next run: rows of a month without its partition go to {@code pmax} meanwhile,
 * and are moved when that month's partition is split off.
 */
final class PartitionMaintenance implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PartitionMaintenance.class);
    /** Before the listener containers (their default phase is Integer.MAX_VALUE - 100). */
    static final int PHASE = Integer.MAX_VALUE - 200;

    private final DataSource dataSource;
    private final ConsumersProperties.Partitions settings;
    private final Clock clock;
    private final TelemetryPartitions partitions = new TelemetryPartitions(TelemetryPartitions.TELEMETRY);
    private ScheduledExecutorService scheduler;

    PartitionMaintenance(DataSource dataSource, ConsumersProperties.Partitions settings, Clock clock) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.clock = clock;
    }

    /** One maintenance run; returns the partitions added and dropped. */
    List<String> runOnce() throws SQLException {
        LocalDateTime now = LocalDateTime.now(clock);
        try (Connection c = dataSource.getConnection()) {
            List<String> changed = new ArrayList<>(partitions.addAhead(c, now, settings.monthsAhead()));
            if (settings.retentionMonths() > 0) {
                changed.addAll(partitions.dropOlderThan(c, now, settings.retentionMonths()));
            }
            return changed;
        }
    }

    private void runLogged() {
        try {
            runOnce();
        } catch (SQLException | RuntimeException e) {
            log.error("telemetry partition maintenance failed; retried in {}", settings.interval(), e);
        }
    }

    @Override
    public synchronized void start() {
        runLogged();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "telemetry-partitions");
            t.setDaemon(true);
            return t;
        });
        long period = settings.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::runLogged, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
