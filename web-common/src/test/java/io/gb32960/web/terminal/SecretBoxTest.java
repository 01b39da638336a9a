package io.gb32960.web.terminal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

    private static final byte[] KEY = new byte[32];

    @Test
    void opensWhatItSealedInTheSameContextOnly() {
        SecretBox box = new SecretBox(() -> KEY);
        byte[] sealed = box.seal("s3cret".getBytes(StandardCharsets.UTF_8), "terminal-secret:A");

        assertThat(sealed).hasSize(1 + 12 + 6 + 16);
        assertThat(sealed[0]).isEqualTo((byte) 1);
        assertThat(new String(box.open(sealed, "terminal-secret:A"), StandardCharsets.UTF_8)).isEqualTo("s3cret");
        assertThatThrownBy(() -> box.open(sealed, "terminal-secret:B")).isInstanceOf(IllegalArgumentException.class);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThatThrownBy(() -> new SecretBox(() -> otherKey).open(sealed, "terminal-secret:A"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesWhatIsNotASealedSecretBeforeReadingTheKey() {
        SecretBox box = new SecretBox(() -> {
            throw new IllegalStateException("no key");
        });

        assertThatThrownBy(() -> box.open(null, "c")).hasMessage("not a sealed secret");
        assertThatThrownBy(() -> box.open(new byte[28], "c")).hasMessage("not a sealed secret");
        byte[] otherVersion = new byte[29];
        otherVersion[0] = 2;
        assertThatThrownBy(() -> box.open(otherVersion, "c")).hasMessage("not a sealed secret");
    }

    @Test
    void readsTheKeyOnceItWasReadAndAgainAfterAFailedRead() {
        AtomicInteger reads = new AtomicInteger();
        Supplier<byte[]> key = () -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("not there yet");
            }
            return KEY;
        };
        SecretBox box = new SecretBox(key);

        assertThatThrownBy(() -> box.seal(new byte[1], "c")).hasMessage("not there yet");
        byte[] sealed = box.seal(new byte[1], "c");
        box.open(sealed, "c");
        assertThat(reads).hasValue(2);
    }
}
