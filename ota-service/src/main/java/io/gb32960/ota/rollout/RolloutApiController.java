package io.gb32960.ota.rollout;

import io.gb32960.ota.security.Actor;
import io.gb32960.ota.security.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Upgrade status per vehicle: a supplier sees the vehicles of its own firmware's campaigns only. */
@RestController
@Tag(name = "Rollouts", description = "per-vehicle upgrade status (suppliers: their own devices)")
class RolloutApiController {

    private final RolloutRepository rollouts;
    private final Actors actors;

    RolloutApiController(RolloutRepository rollouts, Actors actors) {
        this.rollouts = rollouts;
        this.actors = actors;
    }

    @GetMapping("/api/rollouts")
    @Operation(summary = "upgrade status of vehicles, most recently changed first")
    List<RolloutRepository.SupplierRow> list(@RequestParam(required = false) String vin,
                                             @RequestParam(required = false) RolloutState state,
                                             @RequestParam(defaultValue = "200") int limit) {
        return rollouts.bySupplier(scope(actors.current()), vin, state, Math.max(1, Math.min(limit, 5000)));
    }

    /** null for staff (everything), the supplier otherwise; a supplier user without supplier sees nothing. */
    static Long scope(Actor actor) {
        return actor.staff() ? null : actor.supplierId() == null ? -1L : actor.supplierId();
    }
}
