package io.gb32960.protocol.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Parses the text key specs of the CLI's {@code --key} option and of key files.
 *
 * <h2>Grammar</h2>
 * <pre>
 * spec     = [ unique-id "=" ] kind ":" material
 * unique-id = 1..17 printable ASCII characters except "=", ":" and "#" (a VIN or platform id);
 *             without it the key applies to every id
 *
 * aes:KEYHEX[:IVHEX]        AES-CBC, PKCS#7; key 16/24/32 bytes, IV 16 bytes (all zero when omitted)
 * aes-ecb:KEYHEX            AES-ECB, PKCS#7
 * sm4:KEYHEX[:IVHEX]        SM4-CBC, PKCS#7; key and IV 16 bytes (IV all zero when omitted)
 * sm4-ecb:KEYHEX            SM4-ECB, PKCS#7
 * rsa-public:PATH|BASE64    RSA public key, X.509 SubjectPublicKeyInfo
 * rsa-private:PATH|BASE64   RSA private key, unencrypted PKCS#8
 * sm2-public:HEXPOINT       SM2 public key: 04||X||Y (65 bytes), X||Y (64) or compressed (33)
 * sm2-private:HEXD          SM2 private scalar d (32 bytes)
 * ecc-public:PATH|BASE64    EC public key (X.509) for type-3 (ECC) signatures
 * ecc-private:PATH|BASE64   EC private key (PKCS#8), for signing only
 * </pre>
 * Hex is case-insensitive. {@code PATH} names a PEM file ({@code -----BEGIN PUBLIC KEY-----} or
 * {@code -----BEGIN PRIVATE KEY-----}) or a DER file; a relative path is resolved against the
 * directory of the key file (the working directory for a single spec). Otherwise the material is
 * the base64 of the DER encoding. Convert PKCS#1 or SEC1 PEM with {@code openssl pkcs8 -topk8 -nocrypt}.
 *
 * <p>What each kind does is up to {@link StaticKeyProvider.Builder#add(KeySpec)}: a public key
 * encrypts towards its owner and verifies its signatures, a private key decrypts and signs.
 *
 * <h2>Key files</h2>
 * One spec per line; blank lines are skipped and {@code #} starts a comment (at the start of a line
 * or after whitespace):
 * <pre>
 * # platform private key, all vehicles
 * rsa-private:platform-key.pem
 * LSVAU2180N2183294=rsa-public:vehicles/LSVAU2180N2183294.pub.pem
 * LSVAU2180N2183294=aes:000102030405060708090a0b0c0d0e0f:0f0e0d0c0b0a09080706050403020100
 * </pre>
 *
 * <p>A malformed spec throws {@link IllegalArgumentException} naming the spec (and the file and line);
 * the material of secret kinds (symmetric keys, private keys) is never echoed.
 */
public final class KeySpecs {

    private static final int MAX_ID_LENGTH = 17;
    private static final int MAX_ECHO = 48;
    private static final byte[] ZERO_IV = new byte[SymmetricCipher.BLOCK_SIZE];

    private KeySpecs() {
    }

    /** Parses one spec; a relative path is resolved against the working directory. */
    public static KeySpec parse(String spec) {
        return parse(spec, Path.of(""));
    }

    /** Parses one spec; a relative path is resolved against {@code baseDir}. */
    public static KeySpec parse(String spec, Path baseDir) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(baseDir, "baseDir");
        String text = spec.strip();
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("malformed key spec (" + text.length()
                    + " characters, not shown): expected [ID=]kind:material");
        }
        String head = text.substring(0, colon);
        String material = text.substring(colon + 1);
        int eq = head.indexOf('=');
        String uniqueId = eq < 0 ? null : head.substring(0, eq).strip();
        String token = (eq < 0 ? head : head.substring(eq + 1)).strip();
        KeySpec.Kind kind = KeySpec.Kind.byToken(token).orElse(null);
        String shown = display(uniqueId, token, kind, material);
        if (kind == null) {
            throw new IllegalArgumentException("malformed key spec '" + shown + "': unknown kind"
                    + (isWord(token) ? " '" + token + "'" : "") + "; expected one of aes, aes-ecb, sm4, sm4-ecb, "
                    + "rsa-public, rsa-private, sm2-public, sm2-private, ecc-public, ecc-private");
        }
        try {
            checkId(uniqueId);
            return build(uniqueId, kind, material.strip(), baseDir);
        } catch (IllegalArgumentException | CryptoException e) {
            IllegalArgumentException failure = new IllegalArgumentException("malformed key spec '" + shown + "': "
                    + e.getMessage());
            if (e.getCause() != null && !(e.getCause() instanceof IllegalArgumentException)) {
                failure.initCause(e.getCause());
            }
            throw failure;
        }
    }

    /**
     * Parses the lines of a key file.
     *
     * @param baseDir directory that relative paths are resolved against
     * @param source  name used in error messages (the file name)
     */
    public static List<KeySpec> parseLines(List<String> lines, Path baseDir, String source) {
        List<KeySpec> specs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = stripComment(lines.get(i)).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                specs.add(parse(line, baseDir));
            } catch (IllegalArgumentException e) {
                IllegalArgumentException failure = new IllegalArgumentException(source + " line " + (i + 1) + ": "
                        + e.getMessage());
                if (e.getCause() != null) {
                    failure.initCause(e.getCause());
                }
                throw failure;
            }
        }
        return List.copyOf(specs);
    }

    /** Reads a key file (UTF-8); relative paths in it are resolved against its directory. */
    public static List<KeySpec> readFile(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Path dir = file.toAbsolutePath().getParent();
        return parseLines(lines, dir == null ? Path.of("") : dir, file.toString());
    }

    private static KeySpec build(String uniqueId, KeySpec.Kind kind, String material, Path baseDir) {
        switch (kind) {
            case AES:
            case SM4: {
                String[] parts = material.split(":", -1);
                if (parts.length > 2) {
                    throw new IllegalArgumentException("expected " + kind.token() + ":KEYHEX[:IVHEX]");
                }
                byte[] key = hex(parts[0], "key");
                byte[] iv = parts.length == 2 ? hex(parts[1], "IV") : ZERO_IV;
                try {
                    return KeySpec.symmetric(uniqueId, kind,
                            kind == KeySpec.Kind.AES ? Ciphers.aesCbc(key, iv) : Ciphers.sm4Cbc(key, iv));
                } finally {
                    Arrays.fill(key, (byte) 0);
                }
            }
            case AES_ECB:
            case SM4_ECB: {
                if (material.indexOf(':') >= 0) {
                    throw new IllegalArgumentException("expected " + kind.token() + ":KEYHEX (ECB takes no IV)");
                }
                byte[] key = hex(material, "key");
                try {
                    return KeySpec.symmetric(uniqueId, kind,
                            kind == KeySpec.Kind.AES_ECB ? Ciphers.aesEcb(key) : Ciphers.sm4Ecb(key));
                } finally {
                    Arrays.fill(key, (byte) 0);
                }
            }
            case SM2_PUBLIC:
                return KeySpec.publicKey(uniqueId, kind, Sm2Keys.publicKey(hex(material, "point")));
            case SM2_PRIVATE: {
                byte[] d = hex(material, "private scalar");
                try {
                    if (d.length != Sm2Keys.FIELD_BYTES) {
                        throw new IllegalArgumentException("SM2 private scalar must be 32 bytes, got " + d.length);
                    }
                    return KeySpec.privateKey(uniqueId, kind, Sm2Keys.privateKey(d));
                } finally {
                    Arrays.fill(d, (byte) 0);
                }
            }
            case RSA_PUBLIC:
            case ECC_PUBLIC:
                return KeySpec.publicKey(uniqueId, kind, publicKey(kind, der(material, baseDir, false)));
            case RSA_PRIVATE:
            case ECC_PRIVATE:
                return KeySpec.privateKey(uniqueId, kind, privateKey(kind, der(material, baseDir, true)));
            default:
                throw new IllegalStateException(kind.toString());
        }
    }

    private static PublicKey publicKey(KeySpec.Kind kind, byte[] der) {
        try {
            KeyFactory factory = kind == KeySpec.Kind.RSA_PUBLIC ? KeyFactory.getInstance("RSA")
                    : KeyFactory.getInstance("EC", BcKeys.provider());
            return factory.generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an X.509 " + (kind == KeySpec.Kind.RSA_PUBLIC ? "RSA" : "EC")
                    + " public key");
        }
    }

    private static PrivateKey privateKey(KeySpec.Kind kind, byte[] der) {
        try {
            KeyFactory factory = kind == KeySpec.Kind.RSA_PRIVATE ? KeyFactory.getInstance("RSA")
                    : KeyFactory.getInstance("EC", BcKeys.provider());
            return factory.generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an unencrypted PKCS#8 "
                    + (kind == KeySpec.Kind.RSA_PRIVATE ? "RSA" : "EC") + " private key");
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /** DER bytes from a PEM or DER file, or from inline base64. */
    private static byte[] der(String material, Path baseDir, boolean isPrivate) {
        if (material.isEmpty()) {
            throw new IllegalArgumentException("missing key material");
        }
        Path file = asFile(material, baseDir);
        if (file != null) {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read key file " + file + ": " + e.getMessage());
            }
            String text = new String(content, StandardCharsets.ISO_8859_1);
            // PEM may carry explanatory text before the BEGIN line (RFC 7468 section 5.2)
            return text.contains("-----BEGIN") ? pem(text, isPrivate) : content;
        }
        try {
            return Base64.getDecoder().decode(material.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("neither an existing key file nor base64");
        }
    }

    private static Path asFile(String material, Path baseDir) {
        try {
            Path p = baseDir.resolve(material);
            return Files.isRegularFile(p) ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static byte[] pem(String text, boolean isPrivate) {
        String expected = isPrivate ? "PRIVATE KEY" : "PUBLIC KEY";
        String begin = "-----BEGIN " + expected + "-----";
        String end = "-----END " + expected + "-----";
        int from = text.indexOf(begin);
        int to = from < 0 ? -1 : text.indexOf(end, from);
        if (from < 0 || to < 0) {
            int labelEnd = text.indexOf("-----", text.indexOf("-----BEGIN") + 10);
            String label = labelEnd < 0 ? "?" : text.substring(text.indexOf("-----BEGIN") + 11, labelEnd);
            throw new IllegalArgumentException("PEM file holds '" + label.strip() + "', expected '" + expected
                    + "' (PKCS#8 / X.509; convert with openssl pkcs8 -topk8 -nocrypt or openssl pkey -pubout)");
        }
        try {
            return Base64.getDecoder().decode(text.substring(from + begin.length(), to).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PEM file body is not base64");
        }
    }

    private static byte[] hex(String text, String what) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("missing " + what);
        }
        if ((s.length() & 1) != 0) {
            throw new IllegalArgumentException(what + " has an odd number of hex digits (" + s.length() + ")");
        }
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(s.charAt(2 * i), 16);
            int lo = Character.digit(s.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                Arrays.fill(out, (byte) 0);
                throw new IllegalArgumentException(what + " is not hex");
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    private static void checkId(String uniqueId) {
        if (uniqueId == null) {
            return;
        }
        if (uniqueId.isEmpty() || uniqueId.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("unique id must have 1 to 17 characters, got " + uniqueId.length());
        }
        for (int i = 0; i < uniqueId.length(); i++) {
            char c = uniqueId.charAt(i);
            if (c <= ' ' || c > '~' || c == '#') {
                throw new IllegalArgumentException("unique id may hold printable ASCII only");
            }
        }
    }

    /** The spec as it may be shown: secret material redacted, public material shortened. */
    private static String display(String uniqueId, String token, KeySpec.Kind kind, String material) {
        String id = uniqueId == null ? "" : shorten(uniqueId) + "=";
        if (kind == null) {
            return id + (isWord(token) ? token : "?") + ":<not shown>";
        }
        return id + token + ":" + (kind.isSecret() ? "<redacted>" : shorten(material.strip()));
    }

    private static String shorten(String s) {
        return s.length() <= MAX_ECHO ? s : s.substring(0, MAX_ECHO) + "...";
    }

    /** Short lowercase word, so a mistyped kind can be echoed without echoing a key. */
    private static boolean isWord(String token) {
        return token.length() <= 16 && token.matches("[a-zA-Z][a-zA-Z0-9-]*") && !token.matches("[0-9a-fA-F]{8,}");
    }

    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
