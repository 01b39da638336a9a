package io.gb32960.admin.vehicle;

/**
 * Filters of the vehicle list, each null = any. {@code q} matches the start of the VIN or the plate
 * (index-friendly prefix search).
 *
 * @param online true: online now per the consumers' state; false: offline or never seen
 */
public record VehicleQuery(String q, String vehicleModel, String terminalModel, Boolean online,
                           String firmwareVersion, Boolean enabled) {

    public static final VehicleQuery ALL = new VehicleQuery(null, null, null, null, null, null);

    public VehicleQuery {
        q = VehicleForm.blankToNull(q);
        vehicleModel = VehicleForm.blankToNull(vehicleModel);
        terminalModel = VehicleForm.blankToNull(terminalModel);
        firmwareVersion = VehicleForm.blankToNull(firmwareVersion);
    }
}
