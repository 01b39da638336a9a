package io.gb32960.protocol.crypto;

import io.gb32960.protocol.message.Signature;
import io.gb32960.protocol.wire.Bytes;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The three signature types of Table 8 on BouncyCastle lightweight keys. R and S travel as raw
 * unsigned integers, so the DER form that SM2 verification needs is built here.
 * <ul>
 *   <li>1 SM2: SM3withSM2 (GB/T 32918.2) with a user id (default "1234567812345678"); R and S each
 *       32 bytes.</li>
 *   <li>2 RSA: SHA256withRSA, PKCS#1 v1.5; the whole signature in R, S empty (R||S accepted).</li>
 *   <li>3 ECC: SHA256withECDSA on the key's curve; R and S each as long as the curve order.</li>
 * </ul>
 */
final class SignatureSchemes {

    private SignatureSchemes() {
    }

    static boolean supports(AsymmetricKeyParameter key, int type) {
        switch (type) {
            case Signature.SM2:
                return key instanceof ECKeyParameters ec && BcKeys.isSm2(ec);
            case Signature.RSA:
                return key instanceof RSAKeyParameters;
            case Signature.ECC:
                return key instanceof ECKeyParameters;
            default:
                return false;
        }
    }

    static String typeName(int type) {
        return type == Signature.SM2 ? "SM2" : type == Signature.RSA ? "RSA" : type == Signature.ECC ? "ECC" : "type " + type;
    }

    static String keyName(AsymmetricKeyParameter key) {
        if (key instanceof RSAKeyParameters) {
            return "RSA key";
        }
        return key instanceof ECKeyParameters ec && BcKeys.isSm2(ec) ? "SM2 key" : "EC key";
    }

    /** @throws CryptoException when {@code key} cannot check {@code signature}'s type */
    static boolean verify(AsymmetricKeyParameter key, byte[] userId, Signature signature, byte[] data, int offset,
                          int length) {
        int type = signature.type();
        if (!supports(key, type)) {
            throw new CryptoException("signature type " + type + " (" + signature.typeName() + ") is not supported by an "
                    + keyName(key));
        }
        try {
            switch (type) {
                case Signature.SM2:
                    return verifySm2((ECKeyParameters) key, userId, signature, data, offset, length);
                case Signature.RSA:
                    return verifyRsa((RSAKeyParameters) key, signature, data, offset, length);
                default:
                    return verifyEcdsa((ECKeyParameters) key, signature, data, offset, length);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // a signature the scheme cannot even parse does not verify
            return false;
        }
    }

    private static boolean verifySm2(ECKeyParameters key, byte[] userId, Signature signature, byte[] data, int offset,
                                     int length) throws java.io.IOException {
        BigInteger n = key.getParameters().getN();
        BigInteger r = unsigned(signature.r());
        BigInteger s = unsigned(signature.s());
        if (!inRange(r, n) || !inRange(s, n)) {
            return false;
        }
        SM2Signer signer = new SM2Signer(StandardDSAEncoding.INSTANCE);
        signer.init(false, new ParametersWithID(key, userId));
        signer.update(data, offset, length);
        return signer.verifySignature(StandardDSAEncoding.INSTANCE.encode(n, r, s));
    }

    private static boolean verifyRsa(RSAKeyParameters key, Signature signature, byte[] data, int offset, int length) {
        byte[] sig = signature.s().isEmpty() ? signature.r().toByteArray() : concat(signature.r(), signature.s());
        RSADigestSigner signer = new RSADigestSigner(new SHA256Digest());
        signer.init(false, key);
        signer.update(data, offset, length);
        return signer.verifySignature(sig);
    }

    private static boolean verifyEcdsa(ECKeyParameters key, Signature signature, byte[] data, int offset, int length) {
        ECDSASigner ecdsa = new ECDSASigner();
        ecdsa.init(false, key);
        // verifySignature itself rejects R or S outside [1, n-1]
        return ecdsa.verifySignature(sha256(data, offset, length), unsigned(signature.r()), unsigned(signature.s()));
    }

    /** @param random used by SM2 and RSA blinding; ECDSA is deterministic (RFC 6979) */
    static Signature sign(int type, AsymmetricKeyParameter key, byte[] userId, java.security.SecureRandom random,
                          byte[] data, int offset, int length) {
        try {
            switch (type) {
                case Signature.SM2: {
                    ECPrivateKeyParameters ec = (ECPrivateKeyParameters) key;
                    SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE);
                    CipherParameters params = new ParametersWithID(new ParametersWithRandom(ec, random), userId);
                    signer.init(true, params);
                    signer.update(data, offset, length);
                    byte[] rs = signer.generateSignature();
                    int half = rs.length / 2;
                    return new Signature(type, Bytes.of(rs, 0, half), Bytes.of(rs, half, half));
                }
                case Signature.RSA: {
                    RSADigestSigner signer = new RSADigestSigner(new SHA256Digest());
                    signer.init(true, new ParametersWithRandom(key, random));
                    signer.update(data, offset, length);
                    return new Signature(type, Bytes.of(signer.generateSignature()), Bytes.EMPTY);
                }
                case Signature.ECC: {
                    ECPrivateKeyParameters ec = (ECPrivateKeyParameters) key;
                    ECDSASigner ecdsa = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
                    ecdsa.init(true, ec);
                    BigInteger[] rs = ecdsa.generateSignature(sha256(data, offset, length));
                    int size = BigIntegers.getUnsignedByteLength(ec.getParameters().getN());
                    return new Signature(type, Bytes.of(BigIntegers.asUnsignedByteArray(size, rs[0])),
                            Bytes.of(BigIntegers.asUnsignedByteArray(size, rs[1])));
                }
                default:
                    throw new CryptoException("unknown signature type " + type);
            }
        } catch (org.bouncycastle.crypto.CryptoException | RuntimeException e) {
            if (e instanceof CryptoException ce) {
                throw ce;
            }
            throw new CryptoException("signing failed: " + e.getMessage(), e);
        }
    }

    private static byte[] sha256(byte[] data, int offset, int length) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(data, offset, length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return hash;
    }

    private static BigInteger unsigned(Bytes value) {
        return new BigInteger(1, value.toByteArray());
    }

    private static boolean inRange(BigInteger v, BigInteger n) {
        return v.signum() > 0 && v.compareTo(n) < 0;
    }

    private static byte[] concat(Bytes a, Bytes b) {
        byte[] out = Arrays.copyOf(a.toByteArray(), a.length() + b.length());
        b.copyTo(out, a.length());
        return out;
    }
}
