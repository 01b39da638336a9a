package io.gb32960.protocol.crypto;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * JCA keys to BouncyCastle lightweight parameters, through their standard encodings (X.509
 * SubjectPublicKeyInfo, PKCS#8), so keys of any provider work. Nothing is registered globally: the
 * BC provider instance used for SM2 key objects is private to this package.
 */
final class BcKeys {

    /** SM2 recommended curve (GB/T 32918.5). */
    static final X9ECParameters SM2_CURVE = GMNamedCurves.getByName("sm2p256v1");
    static final ECDomainParameters SM2_DOMAIN = new ECDomainParameters(SM2_CURVE);

    private BcKeys() {
    }

    /** The unregistered BC provider, created on first use (key factories for SM2 and other EC curves). */
    static Provider provider() {
        return ProviderHolder.INSTANCE;
    }

    static SecureRandom random() {
        return RandomHolder.INSTANCE;
    }

    static AsymmetricKeyParameter publicParameters(PublicKey key) {
        Objects.requireNonNull(key, "publicKey");
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw new IllegalArgumentException(key.getAlgorithm() + " public key has no X.509 encoding");
        }
        try {
            AsymmetricKeyParameter p = PublicKeyFactory.createKey(encoded);
            if (p.isPrivate()) {
                throw new IllegalArgumentException("not a public key");
            }
            return p;
        } catch (java.io.IOException | RuntimeException e) {
            throw new CryptoException("unusable " + key.getAlgorithm() + " public key: " + e.getMessage(), e);
        }
    }

    static AsymmetricKeyParameter privateParameters(PrivateKey key) {
        Objects.requireNonNull(key, "privateKey");
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw new IllegalArgumentException(key.getAlgorithm() + " private key has no PKCS#8 encoding");
        }
        try {
            return PrivateKeyFactory.createKey(encoded);
        } catch (java.io.IOException | RuntimeException e) {
            // the cause message of a parse failure names no key material
            throw new CryptoException("unusable " + key.getAlgorithm() + " private key", e);
        } finally {
            java.util.Arrays.fill(encoded, (byte) 0);
        }
    }

    static RSAKeyParameters rsa(AsymmetricKeyParameter p, String role) {
        if (p instanceof RSAKeyParameters rsa) {
            return rsa;
        }
        throw new IllegalArgumentException(role + " must be an RSA key, got " + p.getClass().getSimpleName());
    }

    static ECPublicKeyParameters sm2Public(AsymmetricKeyParameter p) {
        if (p instanceof ECPublicKeyParameters ec && isSm2(ec)) {
            return ec;
        }
        throw new IllegalArgumentException("SM2 public key must be an EC key on sm2p256v1");
    }

    static ECPrivateKeyParameters sm2Private(AsymmetricKeyParameter p) {
        if (p instanceof ECPrivateKeyParameters ec && isSm2(ec)) {
            return ec;
        }
        throw new IllegalArgumentException("SM2 private key must be an EC key on sm2p256v1");
    }

    static boolean isSm2(ECKeyParameters key) {
        ECDomainParameters d = key.getParameters();
        return d.getCurve().equals(SM2_CURVE.getCurve()) && d.getG().equals(SM2_CURVE.getG())
                && d.getN().equals(SM2_CURVE.getN());
    }

    private static final class ProviderHolder {
        static final Provider INSTANCE = new BouncyCastleProvider();
    }

    private static final class RandomHolder {
        static final SecureRandom INSTANCE = new SecureRandom();
    }
}
