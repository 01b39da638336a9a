package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.Quantity;
import io.gb32960.protocol.value.Scale;
import io.gb32960.protocol.wire.Bytes;

/** 2016 fuel cell (燃料电池数据, Table 12): 18 + N bytes. */
public record FuelCell2016(int voltageRaw, int currentRaw, int consumptionRaw, Bytes probeTempsRaw,
                           int h2MaxTempRaw, int h2MaxTempProbe, int h2MaxConcentrationRaw,
                           int h2ConcentrationSensor, int h2MaxPressureRaw, int h2PressureSensor,
                           int dcdcState) implements FuelCell {

    public Quantity voltageV() {
        return Scale.ofWord(voltageRaw, 0.1, 0);
    }

    public Quantity currentA() {
        return Scale.ofWord(currentRaw, 0.1, 0);
    }

    /** kg/100 km. */
    public Quantity consumptionKgPer100Km() {
        return Scale.ofWord(consumptionRaw, 0.01, 0);
    }

    public Quantity probeTempC(int index) {
        return Scale.ofByte(probeTempsRaw.get(index), 1, -40);
    }

    /** 0.1 °C, offset -40 °C. */
    public Quantity h2MaxTempC() {
        return Scale.ofWord(h2MaxTempRaw, 0.1, -40);
    }

    /** mg/kg. */
    public Quantity h2MaxConcentrationMgPerKg() {
        return Scale.ofWord(h2MaxConcentrationRaw, 1, 0);
    }

    public Quantity h2MaxPressureMpa() {
        return Scale.ofWord(h2MaxPressureRaw, 0.1, 0);
    }
}
