package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.Quantity;
import io.gb32960.protocol.value.WordArray;

import java.util.List;

/**
 * Traction-battery voltages: 2016 info type 0x08 (RESS voltages, Tables B.5/B.6), 2025 info type
 * 0x07 (minimum parallel unit voltages, Tables 11/12).
 */
public sealed interface CellVoltages extends InfoUnit permits CellVoltages2016, CellVoltages2025 {

    List<? extends Pack> packs();

    /** One subsystem (2016) or pack (2025). */
    sealed interface Pack permits CellVoltages2016.Subsystem, CellVoltages2025.Pack {

        int number();

        Quantity voltageV();

        Quantity currentA();

        /** Raw cell (2016) or parallel-unit (2025) voltages, 0.001 V each. */
        WordArray cellVoltagesRaw();
    }
}
