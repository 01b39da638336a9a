package io.gb32960.admin.terminal;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Terminal configuration and terminal secrets over REST (ADMIN). */
@RestController
@Tag(name = "Terminal configuration", description = "per terminal model, per-vehicle overrides, terminal secrets (ADMIN)")
class TerminalConfigApiController {

    private final TerminalConfigService configs;
    private final TerminalSecrets secrets;
    private final TerminalModelService models;

    TerminalConfigApiController(TerminalConfigService configs, TerminalSecrets secrets, TerminalModelService models) {
        this.configs = configs;
        this.secrets = secrets;
        this.models = models;
    }

    @GetMapping("/api/terminal-config/models/{code}")
    @Operation(summary = "a terminal model's configuration (empty fields: the service defaults)")
    TerminalConfig model(@PathVariable String code) {
        models.get(code);
        return configs.get(TerminalConfig.Scope.MODEL, code).orElse(new TerminalConfig(TerminalConfig.Scope.MODEL,
                code, null, null, null, null, null, null, false, null, null));
    }

    @PutMapping("/api/terminal-config/models/{code}")
    @Operation(summary = "set a terminal model's configuration; a platform password must match the account")
    TerminalConfig saveModel(@PathVariable String code, @Valid @RequestBody TerminalConfigForm form) {
        return configs.save(TerminalConfig.Scope.MODEL, code, form);
    }

    @DeleteMapping("/api/terminal-config/models/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "forget a terminal model's configuration")
    void deleteModel(@PathVariable String code) {
        configs.delete(TerminalConfig.Scope.MODEL, code);
    }

    @GetMapping("/api/terminal-config/vehicles/{vin}")
    @Operation(summary = "a vehicle's own overrides")
    TerminalConfig vehicle(@PathVariable String vin) {
        return configs.get(TerminalConfig.Scope.VEHICLE, io.gb32960.admin.vehicle.Vin.normalize(vin))
                .orElse(new TerminalConfig(TerminalConfig.Scope.VEHICLE, vin, null, null, null, null, null, null,
                        false, null, null));
    }

    @PutMapping("/api/terminal-config/vehicles/{vin}")
    @Operation(summary = "set a vehicle's overrides")
    TerminalConfig saveVehicle(@PathVariable String vin, @Valid @RequestBody TerminalConfigForm form) {
        return configs.save(TerminalConfig.Scope.VEHICLE, vin, form);
    }

    @DeleteMapping("/api/terminal-config/vehicles/{vin}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "forget a vehicle's overrides")
    void deleteVehicle(@PathVariable String vin) {
        configs.delete(TerminalConfig.Scope.VEHICLE, vin);
    }

    @GetMapping("/api/terminal-config/vehicles/{vin}/effective")
    @Operation(summary = "what the vehicle's terminal gets, with where each value comes from (never the password)")
    EffectiveConfig effective(@PathVariable String vin) {
        return configs.resolve(io.gb32960.admin.vehicle.Vin.normalize(vin)).config();
    }

    @PostMapping("/api/vehicles/{vin}/secret")
    @Operation(summary = "create or replace the terminal's secret (HMAC key of its configuration requests); shown once")
    TerminalSecrets.NewSecret rotateSecret(@PathVariable String vin) {
        return secrets.rotate(vin);
    }
}
