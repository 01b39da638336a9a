package io.gb32960.protocol.unit;

import java.util.List;
import java.util.Objects;

/**
 * Drive motor data (驱动电机数据), info type 0x02 (2016 Tables 10/11, 2025 Tables 15/16).
 * {@code count} is the raw count byte: normally the number of motors; 0xFE/0xFF (2025) carry none.
 */
public record DriveMotors(int count, List<? extends DriveMotor> motors) implements InfoUnit {

    public DriveMotors {
        Objects.requireNonNull(motors, "motors");
        if (count < 0xFE && count != motors.size()) {
            throw new IllegalArgumentException("motor count " + count + " but " + motors.size() + " motors");
        }
    }

    public static DriveMotors of(List<? extends DriveMotor> motors) {
        return new DriveMotors(motors.size(), List.copyOf(motors));
    }
}
