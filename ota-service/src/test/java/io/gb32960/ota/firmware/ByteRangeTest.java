package io.gb32960.ota.firmware;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Range headers (RFC 9110 §14.1.2) for a 1000-byte file. */
class ByteRangeTest {

    @Test
    void singleRangesAreParsedAndClamped() {
        assertThat(ByteRange.parse(null, 1000)).isEmpty();
        assertThat(ByteRange.parse("bytes=0-99", 1000)).contains(new ByteRange(0, 99));
        assertThat(ByteRange.parse("bytes=500-", 1000)).contains(new ByteRange(500, 999));
        assertThat(ByteRange.parse("bytes=900-5000", 1000)).contains(new ByteRange(900, 999));
        assertThat(ByteRange.parse("bytes=-100", 1000)).contains(new ByteRange(900, 999));
        assertThat(ByteRange.parse("bytes=-5000", 1000)).contains(new ByteRange(0, 999));
        assertThat(ByteRange.parse("bytes=0-1,5-6", 1000)).as("several ranges: the whole file").isEmpty();
    }

    @Test
    void unsatisfiableOrMalformedRangesAreRefused() {
        for (String bad : new String[]{"bytes=1000-", "bytes=5-4", "bytes=-0", "items=0-1", "bytes=a-b", "bytes=5"}) {
            Optional<ByteRange> r = ByteRange.parse(bad, 1000);
            assertThat(r).as(bad).isNull();
        }
        assertThat(new ByteRange(10, 19).length()).isEqualTo(10);
    }
}
