package io.gb32960.protocol.unit;

/** General alarm flag names (通用报警标志): 2016 Table 18, 2025 Table 24. */
final class AlarmFlags {

    static final String[] V2016 = {
        "temperatureDifference", "batteryHighTemperature", "storageOverVoltage", "storageUnderVoltage",
        "socLow", "cellOverVoltage", "cellUnderVoltage", "socHigh", "socJump", "storageMismatch",
        "cellConsistencyPoor", "insulation", "dcdcTemperature", "brakeSystem", "dcdcState",
        "motorControllerTemperature", "highVoltageInterlock", "motorTemperature", "storageOverCharge"
    };

    static final String[] V2025 = {
        "temperatureDifference", "batteryHighTemperature", "storageOverVoltage", "storageUnderVoltage",
        "socLow", "parallelUnitOverVoltage", "parallelUnitUnderVoltage", "socHigh", "socJump", "storageMismatch",
        "parallelUnitConsistencyPoor", "insulationFailure", "dcdcTemperature", "brakeSystem", "dcdcState",
        "motorControllerTemperature", "highVoltageInterlock", "motorTemperature", "storageOverCharge",
        "motorOverSpeed", "motorOverCurrent", "superCapacitorOverTemperature", "superCapacitorOverVoltage",
        "thermalEvent", "hydrogenLeak", "hydrogenSystemPressure", "hydrogenSystemTemperature",
        "fuelCellStackOverTemperature"
    };

    private AlarmFlags() {
    }
}
