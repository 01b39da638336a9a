package io.gb32960.protocol.unit;

/**
 * One information item (信息体) of a realtime 0x02 / reissue 0x03 data unit (2016 Table 8,
 * 2025 Table 9). Records keep raw wire values; physical values come from named accessors.
 */
public sealed interface InfoUnit permits VehicleData, DriveMotors, FuelCell, Engine, Position, Extremes2016,
        Alarm, CellVoltages, ProbeTemperatures, FuelCellStacks, SuperCapacitor, SuperCapacitorExtremes,
        UserDefinedUnit, OpaqueRemainder {
}
