package io.gb32960.protocol.value;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScaleTest {

    @Test
    void currentOffsetsOfBothEditions() {
        assertThat(Scale.ofWord(15000, 0.1, -1000).value()).isEqualTo(500.0);
        assertThat(Scale.ofWord(9690, 0.1, -1000).value()).isEqualTo(-31.0);
        assertThat(Scale.ofWord(30022, 0.1, -3000).value()).isEqualTo(2.2);
        assertThat(Scale.ofWord(0x1649, 0.1, 0).value()).isEqualTo(570.5);
    }

    @Test
    void sentinelsAreStatesNotNumbers() {
        assertThat(Scale.ofByte(0xFE, 1, -40).state()).isEqualTo(ValueState.ABNORMAL);
        assertThat(Scale.ofByte(0xFF, 1, -40).state()).isEqualTo(ValueState.INVALID);
        assertThat(Scale.ofWord(0xFFFE, 0.1, 0).state()).isEqualTo(ValueState.ABNORMAL);
        assertThat(Scale.ofWord(0xFFFF, 0.1, 0).orNull()).isNull();
        assertThat(Scale.ofDword(0xFFFFFFFEL, 0.1, 0).state()).isEqualTo(ValueState.ABNORMAL);
        assertThat(Scale.ofDword(0xFFFFFFFFL, 0.1, 0).state()).isEqualTo(ValueState.INVALID);
        assertThat(Scale.ofByte(0xFD, 1, -40).value()).isEqualTo(213.0);
        assertThat(Scale.plain(0xFFFF, 1, 0).value()).isEqualTo(65535.0);
    }
}
