package io.gb32960.web.terminal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HKDF against RFC 5869, HMAC against RFC 4231, AES-GCM round trip and tamper detection. */
class TerminalCryptoTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void hkdfMatchesRfc5869TestCase1() {
        byte[] okm = TerminalCrypto.hkdf(HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                HEX.parseHex("000102030405060708090a0b0c"), HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
        assertThat(HEX.formatHex(okm)).isEqualTo(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    }

    @Test
    void hmacMatchesRfc4231TestCase2() {
        byte[] mac = TerminalCrypto.hmacSha256("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertThat(HEX.formatHex(mac)).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void gcmRoundTripsAndRefusesAnotherAadOrATamperedCiphertext() {
        byte[] key = TerminalCrypto.configKey(new byte[32], "LADAA1234A1234567");
        byte[] iv = TerminalCrypto.randomIv(new SecureRandom());
        byte[] aad = TerminalCrypto.signedMessage("LADAA1234A1234567", 1_700_000_000_000L);
        byte[] ct = TerminalCrypto.encrypt(key, iv, aad, "secret".getBytes(StandardCharsets.UTF_8));
        assertThat(ct).hasSize(6 + 16);
        assertThat(new String(TerminalCrypto.decrypt(key, iv, aad, ct), StandardCharsets.UTF_8)).isEqualTo("secret");
        assertThatThrownBy(() -> TerminalCrypto.decrypt(key, iv, "other".getBytes(StandardCharsets.US_ASCII), ct))
                .isInstanceOf(IllegalArgumentException.class);
        ct[0] ^= 1;
        assertThatThrownBy(() -> TerminalCrypto.decrypt(key, iv, aad, ct)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theConfigKeyDependsOnSecretAndVin() {
        byte[] secret = new byte[32];
        assertThat(TerminalCrypto.configKey(secret, "A".repeat(17))).hasSize(32)
                .isNotEqualTo(TerminalCrypto.configKey(secret, "B".repeat(17)));
        assertThat(TerminalCrypto.signedMessage("VIN", 5)).isEqualTo("VIN:5".getBytes(StandardCharsets.US_ASCII));
    }
}
