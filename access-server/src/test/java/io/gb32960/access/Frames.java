package io.gb32960.access;

import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.message.Heartbeat;
import io.gb32960.protocol.message.PackCodes;
import io.gb32960.protocol.message.PlatformLogin;
import io.gb32960.protocol.message.SubsystemCodes;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.message.TimeCalibration;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.message.VehicleLogout;
import io.gb32960.protocol.unit.Position2016;
import io.gb32960.protocol.unit.VehicleData2016;
import io.gb32960.protocol.unit.VehicleData2025;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;
import io.gb32960.protocol.wire.FixedString;

import java.util.List;

/** Terminal frames for the access-server tests, built from records. */
final class Frames {

    static final DataTime TIME = DataTime.of(2026, 11, 21, 8, 0, 0);

    private Frames() {
    }

    static FrameHeader header(Edition edition, CommandId command, String vin) {
        return FrameHeader.command(edition, command.id(), vin);
    }

    static VehicleLogin login(Edition edition, String vin, String iccid) {
        return new VehicleLogin(header(edition, CommandId.VEHICLE_LOGIN, vin), TIME, 1, FixedString.of(iccid, 20),
                edition == Edition.V2016 ? new SubsystemCodes(0, 0, List.of()) : new PackCodes(Bytes.EMPTY, List.of()),
                Bytes.EMPTY);
    }

    static VehicleLogout logout(Edition edition, String vin) {
        return new VehicleLogout(header(edition, CommandId.VEHICLE_LOGOUT, vin), TIME, 1);
    }

    static Heartbeat heartbeat(Edition edition, String vin) {
        return new Heartbeat(header(edition, CommandId.HEARTBEAT, vin));
    }

    static TimeCalibration calibration(Edition edition, String vin) {
        return new TimeCalibration(header(edition, CommandId.TIME_CALIBRATION, vin));
    }

    static TelemetryReport realtime(Edition edition, String vin, int speedRaw) {
        FrameHeader h = header(edition, CommandId.REALTIME_REPORT, vin);
        if (edition == Edition.V2016) {
            return TelemetryReport.of(h, TIME, List.of(
                    new VehicleData2016(1, 3, 1, speedRaw, 1000, 3800, 10100, 80, 1, 0x2E, 5000, 0, 0),
                    new Position2016(0, 121473701, 31230416)));
        }
        return TelemetryReport.of(h, TIME, List.of(new VehicleData2025(1, 3, 1, speedRaw, 1000, 3800, 30100, 80, 1, 0x2E, 5000)));
    }

    static PlatformLogin platformLogin(String platformId, String account, String password) {
        return new PlatformLogin(header(Edition.V2016, CommandId.PLATFORM_LOGIN, platformId), TIME, 1,
                FixedString.of(account, PlatformLogin.USERNAME_LENGTH), FixedString.of(password, PlatformLogin.PASSWORD_LENGTH), 1);
    }
}
