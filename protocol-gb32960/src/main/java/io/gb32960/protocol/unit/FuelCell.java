package io.gb32960.protocol.unit;

/** Fuel-cell data, info type 0x03 (2016 Table 12; 2025 Table 17, fuel-cell engine and on-board H₂ system). */
public sealed interface FuelCell extends InfoUnit permits FuelCell2016, FuelCell2025 {
}
