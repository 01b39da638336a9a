package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.Quantity;
import io.gb32960.protocol.value.Scale;

/**
 * 2016 whole-vehicle data, 20 bytes (Table 9 / B.4). The last two bytes are a reserved WORD in the
 * main body and accelerator/brake pedal in Annex B; they are kept as two raw bytes either way.
 */
public record VehicleData2016(int vehicleState, int chargingState, int runMode, int speedRaw, long odometerRaw,
                              int totalVoltageRaw, int totalCurrentRaw, int soc, int dcdcState, int gear,
                              int insulationRaw, int acceleratorPedal, int brakePedal) implements VehicleData {

    public static final int LENGTH = 20;

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

    /** Offset -1000 A. */
    @Override
    public Quantity totalCurrentA() {
        return Scale.ofWord(totalCurrentRaw, 0.1, -1000);
    }

    @Override
    public Quantity socPercent() {
        return Scale.ofByte(soc, 1, 0);
    }

    /** 2016 insulation resistance has no sentinel values. */
    @Override
    public Quantity insulationKohm() {
        return Scale.plain(insulationRaw, 1, 0);
    }

    public Quantity acceleratorPedalPercent() {
        return Scale.ofByte(acceleratorPedal, 1, 0);
    }

    /** 0 = brake off; 0x65 (101) = brake active without a travel value. */
    public Quantity brakePedalPercent() {
        return Scale.ofByte(brakePedal, 1, 0);
    }
}
