package io.gb32960.protocol.value;

/** Whether a raw field holds a measurement, "abnormal" (异常, 0xFE..) or "invalid" (无效, 0xFF..). */
public enum ValueState {
    VALID,
    ABNORMAL,
    INVALID
}
