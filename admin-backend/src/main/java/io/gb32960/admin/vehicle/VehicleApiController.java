package io.gb32960.admin.vehicle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Vehicles over REST: read by every fleet role, changed by ADMIN and OPERATOR. */
@RestController
@RequestMapping("/api/vehicles")
@Tag(name = "Vehicles", description = "vehicles (MySQL, mirrored to the Redis registry of the access nodes)")
class VehicleApiController {

    private final VehicleService vehicles;

    VehicleApiController(VehicleService vehicles) {
        this.vehicles = vehicles;
    }

    @GetMapping
    @Operation(summary = "list vehicles in VIN order; q matches the start of the VIN or plate; online = per the last"
            + " vehicle event. Page by number (page from 0; deep pages cost more) or, quicker, by cursor: after=nextAfter"
            + " of a page gives the next one, before=previousBefore the previous one (pass page too to label it)")
    VehiclePage list(@RequestParam(required = false) String q,
                             @RequestParam(required = false) String vehicleModel,
                             @RequestParam(required = false) String terminalModel,
                             @RequestParam(required = false) Boolean online,
                             @RequestParam(required = false) String firmwareVersion,
                             @RequestParam(required = false) Boolean enabled,
                             @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                             @RequestParam(required = false) String after,
                             @RequestParam(required = false) String before) {
        return vehicles.page(new VehicleQuery(q, vehicleModel, terminalModel, online, firmwareVersion, enabled),
                VehiclePageRequest.of(page, size, after, before));
    }

    @GetMapping("/{vin}")
    @Operation(summary = "one vehicle")
    Vehicle get(@PathVariable String vin) {
        return vehicles.get(vin);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "register a vehicle (VIN per GB 16735, unique VIN and ICCID); mirrored to Redis")
    Vehicle create(@Valid @RequestBody VehicleForm form) {
        return vehicles.create(form);
    }

    @PutMapping("/{vin}")
    @Operation(summary = "change a vehicle; mirrored to Redis")
    Vehicle update(@PathVariable String vin, @Valid @RequestBody VehicleForm form) {
        return vehicles.update(vin, form);
    }

    @DeleteMapping("/{vin}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "delete a vehicle (its telemetry stays); removed from Redis")
    void delete(@PathVariable String vin) {
        vehicles.delete(vin);
    }
}
