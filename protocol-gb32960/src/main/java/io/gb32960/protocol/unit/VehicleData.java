package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.Quantity;

/** Whole-vehicle data (整车数据), info type 0x01 in both editions. */
public sealed interface VehicleData extends InfoUnit permits VehicleData2016, VehicleData2025 {

    int vehicleState();

    int chargingState();

    int runMode();

    int speedRaw();

    long odometerRaw();

    int totalVoltageRaw();

    int totalCurrentRaw();

    int soc();

    int dcdcState();

    int gear();

    int insulationRaw();

    Quantity speedKmh();

    Quantity odometerKm();

    Quantity totalVoltageV();

    Quantity totalCurrentA();

    Quantity socPercent();

    Quantity insulationKohm();

    default Gear gearInfo() {
        return Gear.of(gear());
    }
}
