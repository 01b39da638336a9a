package io.gb32960.protocol.crypto;

import io.gb32960.protocol.message.Signature;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Signers and verifiers for the 2025 signature (签名, Table 8): type, R and S, each with a WORD length.
 *
 * <table>
 *   <caption>Signature types</caption>
 *   <tr><th>type</th><th>scheme</th><th>R, S</th><th>key</th></tr>
 *   <tr><td>1 SM2</td><td>SM3withSM2 (GB/T 32918.2), user id "1234567812345678" unless configured</td>
 *       <td>raw 32-byte integers</td><td>EC on sm2p256v1 ({@link Sm2Keys})</td></tr>
 *   <tr><td>2 RSA</td><td>SHA256withRSA, PKCS#1 v1.5</td>
 *       <td>whole signature in R, S empty (as rtm_con does); R||S also accepted</td><td>RSA</td></tr>
 *   <tr><td>3 ECC</td><td>SHA256withECDSA on the key's curve</td>
 *       <td>raw integers as long as the curve order</td><td>any EC curve</td></tr>
 * </table>
 *
 * <p>The standard names the types but not the hash or the encodings; the choices above follow the
 * public implementations (rtm_con for RSA) and GB/T 35276 for SM2. A verifier throws
 * {@link CryptoException} for a type its key cannot check (an RSA key and an SM2 signature): the
 * decoder then reports the signature as not checked rather than wrong. Everything here is
 * immutable and thread-safe.
 */
public final class Signatures {

    /** The default SM2 signer id of GB/T 35276 (ASCII "1234567812345678"). */
    public static final String DEFAULT_SM2_USER_ID = "1234567812345678";

    private static final byte[] DEFAULT_USER_ID = DEFAULT_SM2_USER_ID.getBytes(StandardCharsets.US_ASCII);

    private Signatures() {
    }

    /**
     * A verifier for {@code publicKey}: an RSA key checks type 2; an EC key checks type 3, and also
     * type 1 when it lies on sm2p256v1.
     */
    public static SignatureVerifier verifier(PublicKey publicKey) {
        return verifier(publicKey, DEFAULT_USER_ID);
    }

    /** As {@link #verifier(PublicKey)} with another SM2 user id. */
    public static SignatureVerifier verifier(PublicKey publicKey, byte[] sm2UserId) {
        return new KeyVerifier(checked(BcKeys.publicParameters(publicKey)), sm2UserId.clone());
    }

    /**
     * One verifier over several public keys of a vehicle (an RSA and an SM2 key, or an old and a new
     * key): a signature verifies when any key supporting its type accepts it; {@link CryptoException}
     * when none supports the type.
     */
    public static SignatureVerifier verifier(Collection<? extends PublicKey> publicKeys) {
        List<KeyVerifier> verifiers = new ArrayList<>(publicKeys.size());
        for (PublicKey key : publicKeys) {
            verifiers.add((KeyVerifier) verifier(key));
        }
        if (verifiers.isEmpty()) {
            throw new IllegalArgumentException("no public keys");
        }
        return verifiers.size() == 1 ? verifiers.get(0) : new AnyKeyVerifier(List.copyOf(verifiers));
    }

    /** A signer whose type follows the key: RSA → 2, EC on sm2p256v1 → 1 (SM2), other EC → 3. */
    public static SignatureSigner signer(PrivateKey privateKey) {
        AsymmetricKeyParameter key = checked(BcKeys.privateParameters(privateKey));
        int type = key instanceof RSAKeyParameters ? Signature.RSA
                : BcKeys.isSm2((ECKeyParameters) key) ? Signature.SM2 : Signature.ECC;
        return new KeySigner(type, key, DEFAULT_USER_ID);
    }

    /** Type 1: SM3withSM2 with the default user id. */
    public static SignatureSigner sm2Signer(PrivateKey privateKey) {
        return sm2Signer(privateKey, DEFAULT_USER_ID);
    }

    /** Type 1: SM3withSM2 with {@code userId}. */
    public static SignatureSigner sm2Signer(PrivateKey privateKey, byte[] userId) {
        return typed(Signature.SM2, privateKey, userId.clone());
    }

    /** Type 2: SHA256withRSA, the whole signature in R. */
    public static SignatureSigner rsaSigner(PrivateKey privateKey) {
        return typed(Signature.RSA, privateKey, DEFAULT_USER_ID);
    }

    /** Type 3: SHA256withECDSA (deterministic, RFC 6979) on the key's curve. */
    public static SignatureSigner eccSigner(PrivateKey privateKey) {
        return typed(Signature.ECC, privateKey, DEFAULT_USER_ID);
    }

    private static SignatureSigner typed(int type, PrivateKey privateKey, byte[] userId) {
        AsymmetricKeyParameter key = checked(BcKeys.privateParameters(privateKey));
        if (!SignatureSchemes.supports(key, type)) {
            throw new IllegalArgumentException("an " + SignatureSchemes.keyName(key) + " cannot make "
                    + SignatureSchemes.typeName(type) + " signatures");
        }
        return new KeySigner(type, key, userId);
    }

    private static AsymmetricKeyParameter checked(AsymmetricKeyParameter key) {
        if (!(key instanceof RSAKeyParameters) && !(key instanceof ECKeyParameters)) {
            throw new IllegalArgumentException("signatures need an RSA or EC key, got " + key.getClass().getSimpleName());
        }
        return key;
    }

    private static final class KeyVerifier implements SignatureVerifier {

        private final AsymmetricKeyParameter key;
        private final byte[] userId;

        KeyVerifier(AsymmetricKeyParameter key, byte[] userId) {
            this.key = key;
            this.userId = userId;
        }

        boolean supports(int type) {
            return SignatureSchemes.supports(key, type);
        }

        @Override
        public boolean verify(Signature signature, byte[] data, int offset, int length) {
            Objects.requireNonNull(signature, "signature");
            Objects.checkFromIndexSize(offset, length, data.length);
            return SignatureSchemes.verify(key, userId, signature, data, offset, length);
        }

        @Override
        public String toString() {
            return "SignatureVerifier[" + SignatureSchemes.keyName(key) + "]";
        }
    }

    private static final class AnyKeyVerifier implements SignatureVerifier {

        private final List<KeyVerifier> verifiers;

        AnyKeyVerifier(List<KeyVerifier> verifiers) {
            this.verifiers = verifiers;
        }

        @Override
        public boolean verify(Signature signature, byte[] data, int offset, int length) {
            boolean supported = false;
            for (KeyVerifier v : verifiers) {
                if (v.supports(signature.type())) {
                    supported = true;
                    if (v.verify(signature, data, offset, length)) {
                        return true;
                    }
                }
            }
            if (!supported) {
                throw new CryptoException("signature type " + signature.type() + " (" + signature.typeName()
                        + ") is not supported by any key of " + this);
            }
            return false;
        }

        @Override
        public String toString() {
            return "SignatureVerifier" + verifiers;
        }
    }

    private static final class KeySigner implements SignatureSigner {

        private final int type;
        private final AsymmetricKeyParameter key;
        private final byte[] userId;
        private final SecureRandom random = BcKeys.random();

        KeySigner(int type, AsymmetricKeyParameter key, byte[] userId) {
            this.type = type;
            this.key = key;
            this.userId = userId;
        }

        @Override
        public int type() {
            return type;
        }

        @Override
        public Signature sign(byte[] data, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, data.length);
            return SignatureSchemes.sign(type, key, userId, random, data, offset, length);
        }

        @Override
        public String toString() {
            return "SignatureSigner[type " + type + ", " + SignatureSchemes.keyName(key) + "]";
        }
    }
}
