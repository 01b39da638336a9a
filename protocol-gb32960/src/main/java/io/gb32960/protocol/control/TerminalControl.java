package io.gb32960.protocol.control;

/**
 * The command part of terminal control 0x82 (车载终端控制, Tables B.14-B.17): one control id per
 * packet and its parameters.
 */
public sealed interface TerminalControl permits RemoteUpgrade, SimpleControl, AlarmWarning, CustomControl {

    int REMOTE_UPGRADE = 0x01;
    int SHUTDOWN = 0x02;
    int RESET = 0x03;
    int FACTORY_RESET = 0x04;
    int DISCONNECT_DATA_LINK = 0x05;
    int ALARM_WARNING = 0x06;
    int OPEN_SAMPLING_LINK = 0x07;

    int controlId();

    static String nameOf(int controlId) {
        return switch (controlId) {
            case REMOTE_UPGRADE -> "remoteUpgrade";
            case SHUTDOWN -> "shutdown";
            case RESET -> "reset";
            case FACTORY_RESET -> "factoryReset";
            case DISCONNECT_DATA_LINK -> "disconnectDataLink";
            case ALARM_WARNING -> "alarmWarning";
            case OPEN_SAMPLING_LINK -> "openSamplingLink";
            default -> controlId >= 0x80 && controlId <= 0xFE ? "userDefined" : "reserved";
        };
    }
}
