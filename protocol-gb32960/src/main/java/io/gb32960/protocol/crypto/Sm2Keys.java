package io.gb32960.protocol.crypto;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPrivateKeySpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/**
 * SM2 keys (curve sm2p256v1, GB/T 32918.5) as JCA {@link PublicKey}/{@link PrivateKey} objects, from
 * and to the raw forms terminals exchange: the public key as the uncompressed point 04||X||Y
 * (65 bytes), the private key as the 32-byte scalar d. The keys come from a BouncyCastle provider
 * instance that is never registered with {@link java.security.Security}.
 */
public final class Sm2Keys {

    public static final String CURVE = "sm2p256v1";
    /** Size of the private scalar and of each point coordinate. */
    public static final int FIELD_BYTES = 32;

    private Sm2Keys() {
    }

    /**
     * The public key at {@code point}: 04||X||Y (65 bytes), X||Y without the 04 prefix (64 bytes) or
     * a compressed point (02/03||X, 33 bytes).
     *
     * @throws IllegalArgumentException when the bytes are not a point on the curve
     */
    public static PublicKey publicKey(byte[] point) {
        byte[] encoded = point.length == 2 * FIELD_BYTES ? prefixed(point) : point;
        ECPoint q;
        try {
            q = BcKeys.SM2_CURVE.getCurve().decodePoint(encoded);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a point on sm2p256v1 (" + point.length + " bytes)", e);
        }
        if (q.isInfinity()) {
            throw new IllegalArgumentException("the point at infinity is not a public key");
        }
        try {
            return keyFactory().generatePublic(new ECPublicKeySpec(q, spec()));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot build SM2 public key", e);
        }
    }

    /**
     * The private key with scalar {@code d} (big-endian, usually 32 bytes).
     *
     * @throws IllegalArgumentException when d is not in [1, n-1]
     */
    public static PrivateKey privateKey(byte[] d) {
        BigInteger scalar = new BigInteger(1, d);
        if (scalar.signum() == 0 || scalar.compareTo(BcKeys.SM2_CURVE.getN()) >= 0) {
            throw new IllegalArgumentException("SM2 private scalar out of range [1, n-1]");
        }
        try {
            return keyFactory().generatePrivate(new ECPrivateKeySpec(scalar, spec()));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot build SM2 private key", e);
        }
    }

    /** A fresh key pair. */
    public static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BcKeys.provider());
            generator.initialize(new ECGenParameterSpec(CURVE), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot generate an SM2 key pair", e);
        }
    }

    /** The public key that belongs to {@code privateKey} (d·G). */
    public static PublicKey publicKeyOf(PrivateKey privateKey) {
        ECPrivateKeyParameters d = BcKeys.sm2Private(BcKeys.privateParameters(privateKey));
        return publicKey(d.getParameters().getG().multiply(d.getD()).normalize().getEncoded(false));
    }

    /** The uncompressed point 04||X||Y (65 bytes) of an SM2 public key. */
    public static byte[] encodePublic(PublicKey publicKey) {
        AsymmetricKeyParameter p = BcKeys.publicParameters(publicKey);
        ECPublicKeyParameters q = BcKeys.sm2Public(p);
        return q.getQ().getEncoded(false);
    }

    /** The 32-byte private scalar d of an SM2 private key. Secret: do not log it. */
    public static byte[] encodePrivate(PrivateKey privateKey) {
        ECPrivateKeyParameters d = BcKeys.sm2Private(BcKeys.privateParameters(privateKey));
        return BigIntegers.asUnsignedByteArray(FIELD_BYTES, d.getD());
    }

    private static byte[] prefixed(byte[] xy) {
        byte[] out = new byte[xy.length + 1];
        out[0] = 0x04;
        System.arraycopy(xy, 0, out, 1, xy.length);
        return out;
    }

    private static ECNamedCurveParameterSpec spec() {
        return ECNamedCurveTable.getParameterSpec(CURVE);
    }

    private static KeyFactory keyFactory() throws GeneralSecurityException {
        return KeyFactory.getInstance("EC", BcKeys.provider());
    }
}
