package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.Quantity;
import io.gb32960.protocol.value.Scale;

/** 2025 whole-vehicle data, 18 bytes (Table 10): no pedals, current offset -3000 A. */
public record VehicleData2025(int vehicleState, int chargingState, int runMode, int speedRaw, long odometerRaw,
                              int totalVoltageRaw, int totalCurrentRaw, int soc, int dcdcState, int gear,
                              int insulationRaw) implements VehicleData {

    public static final int LENGTH = 18;

    @Override
    public Quantity speedKmh() {
        return Scale.ofWord(speedRaw, 0.1, 0);
    }

    @Override
    public Quantity odometerKm() {
        return Scale.ofDword(odometerRaw, 0.1, 0);
    }

    @Override
    public Quantity totalVoltageV() {
        return Scale.ofWord(totalVoltageRaw, 0.1, 0);
    }

    /** Offset -3000 A. */
    @Override
    public Quantity totalCurrentA() {
        return Scale.ofWord(totalCurrentRaw, 0.1, -3000);
    }

    @Override
    public Quantity socPercent() {
        return Scale.ofByte(soc, 1, 0);
    }

    /** The lower of positive/negative to ground; 2025 adds sentinels. */
    @Override
    public Quantity insulationKohm() {
        return Scale.ofWord(insulationRaw, 1, 0);
    }
}
