package io.gb32960.admin.live;

import io.gb32960.admin.system.PageResult;
import io.gb32960.admin.system.Paging;
import io.gb32960.admin.vehicle.Vehicle;
import io.gb32960.admin.vehicle.VehicleService;
import io.gb32960.platform.common.redis.SessionStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The live view over REST: nodes, a vehicle's state, track and connection history. */
@RestController
@Tag(name = "Live", description = "nodes, latest state, decoded newest frame, track, login/logout history")
class LiveApiController {

    private final LiveService live;
    private final LiveRepository repository;
    private final VehicleService vehicles;

    LiveApiController(LiveService live, LiveRepository repository, VehicleService vehicles) {
        this.live = live;
        this.repository = repository;
        this.vehicles = vehicles;
    }

    /**
     * A vehicle now.
     *
     * @param session where it is connected (Redis), null when not
     * @param latest  its newest frame's key values, null before the first frame
     * @param frame   its newest frame decoded (every data unit), null before the first frame
     */
    record VehicleState(Vehicle vehicle, SessionStore.Session session, LatestState latest, LastFrame frame) {
    }

    @GetMapping("/api/live/nodes")
    @Operation(summary = "access nodes: their own stats (Redis) and the vehicles the consumers recorded online on them")
    List<LiveService.NodeView> nodes() {
        return live.nodes();
    }

    @GetMapping("/api/live/positions")
    @Operation(summary = "the fleet map: newest positions of the online vehicles (max: 1 to 5000, default 2000)")
    FleetMap positions(@RequestParam(required = false) Integer max) {
        return live.fleet(max);
    }

    @GetMapping("/api/live/nodes/{node}/vehicles")
    @Operation(summary = "the vehicles online on a node (as recorded)")
    PageResult<String> onlineVehicles(@PathVariable String node, @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        return repository.onlineVins(node, Paging.of(page, size));
    }

    @GetMapping("/api/vehicles/{vin}/state")
    @Operation(summary = "a vehicle's connection, latest state and newest frame decoded")
    VehicleState state(@PathVariable String vin) {
        Vehicle v = vehicles.get(vin);
        return new VehicleState(v, live.session(v.vin()).orElse(null), live.latest(v.vin()).orElse(null),
                live.lastFrame(v.vin()).orElse(null));
    }

    @GetMapping("/api/vehicles/{vin}/track")
    @Operation(summary = "positions, speed, SOC, voltage and current in [from, to) (default: the last hour),"
            + " thinned out evenly to at most maxPoints (default 2000, at most 5000); at most 31 days")
    Track track(@PathVariable String vin,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                @RequestParam(required = false) Integer maxPoints) {
        Vehicle v = vehicles.get(vin);
        return live.track(v.vin(), from, to, maxPoints);
    }

    @GetMapping("/api/vehicles/{vin}/online-log")
    @Operation(summary = "logins, logouts, online and offline events, newest first")
    PageResult<OnlineEvent> onlineLog(@PathVariable String vin, @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        Vehicle v = vehicles.get(vin);
        return repository.onlineLog(v.vin(), Paging.of(page, size));
    }
}
