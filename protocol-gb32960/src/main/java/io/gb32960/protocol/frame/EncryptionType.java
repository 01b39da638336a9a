package io.gb32960.protocol.frame;

import java.util.Optional;

/** Data-unit encryption (数据单元加密方式), Table 2; SM2 and SM4 are 2025 only. */
public enum EncryptionType {
    NONE(0x01, "none"),
    RSA(0x02, "RSA"),
    AES128(0x03, "AES128"),
    SM2(0x04, "SM2"),
    SM4(0x05, "SM4"),
    ABNORMAL(0xFE, "abnormal"),
    INVALID(0xFF, "invalid");

    private final int id;
    private final String label;

    EncryptionType(int id, String label) {
        this.id = id;
        this.label = label;
    }

    public int id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Whether the data unit is ciphertext under this scheme. */
    public boolean isCipher() {
        return this == RSA || this == AES128 || this == SM2 || this == SM4;
    }

    public static Optional<EncryptionType> find(int id) {
        for (EncryptionType t : values()) {
            if (t.id == id) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public static String labelOf(int id) {
        return find(id).map(EncryptionType::label).orElse("unknown(0x" + Integer.toHexString(id) + ")");
    }
}
