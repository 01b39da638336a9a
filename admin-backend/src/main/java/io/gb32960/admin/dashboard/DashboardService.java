package io.gb32960.admin.dashboard;

import io.gb32960.admin.alarm.Alarm;
import io.gb32960.admin.alarm.AlarmQuery;
import io.gb32960.admin.alarm.AlarmRepository;
import io.gb32960.admin.live.LiveRepository;
import io.gb32960.admin.live.LiveService;
import io.gb32960.admin.system.Formats;
import io.gb32960.admin.vehicle.VehicleRepository;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The dashboard's figures. */
@Service
public class DashboardService {

    private final VehicleRepository vehicles;
    private final LiveService live;
    private final LiveRepository liveRepository;
    private final AlarmRepository alarms;
    private final Formats fmt;
    private final Clock clock;

    DashboardService(VehicleRepository vehicles, LiveService live, LiveRepository liveRepository,
                     AlarmRepository alarms, Formats fmt, Clock clock) {
        this.vehicles = vehicles;
        this.live = live;
        this.liveRepository = liveRepository;
        this.alarms = alarms;
        this.fmt = fmt;
        this.clock = clock;
    }

    /**
     * @param onlineNow          logged-in vehicles the live nodes report (Redis)
     * @param onlineRecorded     vehicles the consumers recorded online (MySQL)
     * @param framesLastMinute   telemetry frames received in the last minute
     * @param alarmsToday        alarm frames since midnight (page time zone)
     * @param level3Today        of which level 3
     * @param openLevel3         level-3 alarms of today not acknowledged yet (newest 20)
     */
    public record Snapshot(Instant at, long vehicles, long onlineNow, long onlineRecorded, long framesLastMinute,
                           long alarmsToday, long level3Today, List<Alarm> openLevel3,
                           List<LiveService.NodeView> nodes) {
    }

    public Snapshot snapshot() {
        Instant now = clock.instant();
        Instant today = fmt.startOfToday(now);
        List<LiveService.NodeView> nodes = live.nodes();
        long onlineNow = nodes.stream().mapToLong(LiveService.NodeView::vehicles).sum();
        List<Alarm> open = alarms.newest(new AlarmQuery(null, 3, today, null, false, null), 20);
        return new Snapshot(now, vehicles.total(), onlineNow, liveRepository.onlineCount(),
                liveRepository.framesSince(now.minus(Duration.ofMinutes(1))), alarms.countSince(today, null),
                alarms.countSince(today, 3), open, nodes);
    }
}
