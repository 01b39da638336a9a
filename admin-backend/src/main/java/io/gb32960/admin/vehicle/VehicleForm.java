package io.gb32960.admin.vehicle;

import io.gb32960.protocol.codec.ResponseStyle;
import io.gb32960.protocol.control.UpgradeLayout;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A vehicle as entered (page, API, CSV row). The VIN is checked per
 * {@code gb32960.admin.vehicles.vin-check} by the service; the ICCID is 19 or 20 digits (the last
 * may be F). Empty texts mean "none".
 */
public record VehicleForm(
        @NotBlank @Size(max = 17) String vin,
        @Size(max = 16) String plate,
        @Size(max = 64) String vehicleModel,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "letters, digits and . _ -") String terminalModel,
        ResponseStyle responseStyle,
        UpgradeLayout upgradeLayout,
        @Pattern(regexp = "([0-9]{19}[0-9F]?)?", message = "19 or 20 digits (the last may be F)") String iccid,
        @Size(max = 32) String firmwareVersion,
        @Size(max = 32) String hardwareVersion,
        Boolean enabled) {

    public VehicleForm {
        vin = Vin.normalize(vin);
        plate = blankToNull(plate);
        vehicleModel = blankToNull(vehicleModel);
        terminalModel = blankToNull(terminalModel);
        iccid = blankToNull(iccid == null ? null : iccid.trim().toUpperCase(java.util.Locale.ROOT));
        firmwareVersion = blankToNull(firmwareVersion);
        hardwareVersion = blankToNull(hardwareVersion);
        enabled = enabled == null || enabled; // left out: enabled
    }

    public static VehicleForm empty() {
        return new VehicleForm("", null, null, null, null, null, null, null, null, true);
    }

    public static VehicleForm of(Vehicle v) {
        return new VehicleForm(v.vin(), v.plate(), v.vehicleModel(), v.terminalModel(), v.responseStyle(),
                v.upgradeLayout(), v.iccid(), v.firmwareVersion(), v.hardwareVersion(), v.enabled());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
