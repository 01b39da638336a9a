package io.gb32960.protocol.crypto;

import io.gb32960.protocol.frame.EncryptionType;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, map-backed {@link KeyProvider} (configuration, a key file, tests). Per unique id it
 * holds a cipher per encryption type, a signature verifier and a signer; defaults serve any id that
 * has no entry of its own. Lookups never fail: an unknown id without a default is
 * {@link Optional#empty()}.
 *
 * <p>{@link Builder#add(KeySpec)} combines key specs: a symmetric spec is the cipher of its type; the
 * public and the private half of RSA or SM2 form one cipher (encrypt with the public key, decrypt
 * with the private key), and a half missing for an id is taken from the default keys, so per-vehicle
 * public keys combine with one platform private key. Public keys (RSA, SM2, ECC) make the id's
 * verifier; the first private key of an id makes its signer.
 */
public final class StaticKeyProvider implements KeyProvider {

    private final Map<String, Entry> byId;
    private final Entry defaults;

    private StaticKeyProvider(Map<String, Entry> byId, Entry defaults) {
        this.byId = byId;
        this.defaults = defaults;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A provider holding {@code specs} (see {@link KeySpecs}). */
    public static StaticKeyProvider of(Collection<KeySpec> specs) {
        return builder().addAll(specs).build();
    }

    @Override
    public Optional<DataUnitCipher> cipher(String uniqueId, EncryptionType type) {
        Entry e = uniqueId == null ? null : byId.get(uniqueId);
        DataUnitCipher c = e == null ? null : e.ciphers.get(type);
        return Optional.ofNullable(c != null ? c : defaults.ciphers.get(type));
    }

    @Override
    public Optional<SignatureVerifier> verifier(String uniqueId) {
        Entry e = uniqueId == null ? null : byId.get(uniqueId);
        return Optional.ofNullable(e != null && e.verifier != null ? e.verifier : defaults.verifier);
    }

    /** The signer for data units of {@code uniqueId} (vehicle side), if a private key is known. */
    public Optional<SignatureSigner> signer(String uniqueId) {
        Entry e = uniqueId == null ? null : byId.get(uniqueId);
        return Optional.ofNullable(e != null && e.signer != null ? e.signer : defaults.signer);
    }

    /** The ids with keys of their own. */
    public Set<String> uniqueIds() {
        return byId.keySet();
    }

    @Override
    public String toString() {
        return "StaticKeyProvider[" + byId.size() + " ids, default ciphers " + defaults.ciphers.keySet()
                + (defaults.verifier != null ? ", default verifier" : "") + "]";
    }

    private static final class Entry {
        final Map<EncryptionType, DataUnitCipher> ciphers;
        final SignatureVerifier verifier;
        final SignatureSigner signer;

        Entry(Map<EncryptionType, DataUnitCipher> ciphers, SignatureVerifier verifier, SignatureSigner signer) {
            this.ciphers = ciphers;
            this.verifier = verifier;
            this.signer = signer;
        }
    }

    /** Collects keys; not thread-safe. Registering the same slot twice fails fast. */
    public static final class Builder {

        private final Map<String, Slot> byId = new LinkedHashMap<>();
        private final Slot defaults = new Slot("default");

        private Builder() {
        }

        /** The cipher for data units of {@code uniqueId} under {@code type} (RSA, AES128, SM2 or SM4). */
        public Builder cipher(String uniqueId, EncryptionType type, DataUnitCipher cipher) {
            slot(uniqueId).putCipher(type, cipher);
            return this;
        }

        /** The cipher under {@code type} for every id without one of its own. */
        public Builder defaultCipher(EncryptionType type, DataUnitCipher cipher) {
            defaults.putCipher(type, cipher);
            return this;
        }

        public Builder verifier(String uniqueId, SignatureVerifier verifier) {
            slot(uniqueId).setVerifier(verifier);
            return this;
        }

        /** The verifier for every id without one of its own. */
        public Builder defaultVerifier(SignatureVerifier verifier) {
            defaults.setVerifier(verifier);
            return this;
        }

        public Builder signer(String uniqueId, SignatureSigner signer) {
            slot(uniqueId).setSigner(signer);
            return this;
        }

        public Builder defaultSigner(SignatureSigner signer) {
            defaults.setSigner(signer);
            return this;
        }

        /** Adds a parsed key spec, for its id or, when it has none, as a default. */
        public Builder add(KeySpec spec) {
            Slot slot = spec.appliesToAll() ? defaults : slot(spec.uniqueId());
            slot.add(spec);
            return this;
        }

        public Builder addAll(Collection<KeySpec> specs) {
            specs.forEach(this::add);
            return this;
        }

        /**
         * @throws IllegalArgumentException when a slot got two ciphers, or a cipher and key halves, or
         *                                  a verifier and public keys
         */
        public StaticKeyProvider build() {
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (Map.Entry<String, Slot> e : byId.entrySet()) {
                entries.put(e.getKey(), e.getValue().toEntry(defaults));
            }
            return new StaticKeyProvider(Map.copyOf(entries), defaults.toEntry(null));
        }

        private Slot slot(String uniqueId) {
            Objects.requireNonNull(uniqueId, "uniqueId");
            return byId.computeIfAbsent(uniqueId, Slot::new);
        }
    }

    /** Mutable keys of one id (or of the defaults) while building. */
    private static final class Slot {
        final String name;
        final Map<EncryptionType, DataUnitCipher> ciphers = new EnumMap<>(EncryptionType.class);
        final Map<KeySpec.Kind, PublicKey> publicKeys = new EnumMap<>(KeySpec.Kind.class);
        final Map<KeySpec.Kind, PrivateKey> privateKeys = new EnumMap<>(KeySpec.Kind.class);
        SignatureVerifier verifier;
        SignatureSigner signer;
        KeySpec.Kind signingKind;

        Slot(String name) {
            this.name = name;
        }

        void putCipher(EncryptionType type, DataUnitCipher cipher) {
            Objects.requireNonNull(cipher, "cipher");
            if (!type.isCipher()) {
                throw new IllegalArgumentException(type + " is not a data-unit cipher");
            }
            if (ciphers.putIfAbsent(type, cipher) != null) {
                throw new IllegalArgumentException("two " + type.label() + " ciphers for " + name);
            }
        }

        void setVerifier(SignatureVerifier v) {
            Objects.requireNonNull(v, "verifier");
            if (verifier != null) {
                throw new IllegalArgumentException("two verifiers for " + name);
            }
            verifier = v;
        }

        void setSigner(SignatureSigner s) {
            Objects.requireNonNull(s, "signer");
            if (signer != null) {
                throw new IllegalArgumentException("two signers for " + name);
            }
            signer = s;
        }

        void add(KeySpec spec) {
            KeySpec.Kind kind = spec.kind();
            if (kind.isSymmetric()) {
                putCipher(kind.scheme().orElseThrow(), spec.cipher());
            } else if (kind.isPublic()) {
                if (publicKeys.putIfAbsent(kind, spec.publicKey()) != null) {
                    throw new IllegalArgumentException("two " + kind.token() + " keys for " + name);
                }
            } else {
                if (privateKeys.putIfAbsent(kind, spec.privateKey()) != null) {
                    throw new IllegalArgumentException("two " + kind.token() + " keys for " + name);
                }
                if (signingKind == null) {
                    signingKind = kind;
                }
            }
        }

        /** @param fallback the default slot whose key halves complete this one's, or null */
        Entry toEntry(Slot fallback) {
            Map<EncryptionType, DataUnitCipher> all = new EnumMap<>(ciphers);
            asymmetric(all, EncryptionType.RSA, KeySpec.Kind.RSA_PUBLIC, KeySpec.Kind.RSA_PRIVATE, fallback);
            asymmetric(all, EncryptionType.SM2, KeySpec.Kind.SM2_PUBLIC, KeySpec.Kind.SM2_PRIVATE, fallback);
            SignatureVerifier v = verifier;
            if (!publicKeys.isEmpty()) {
                if (v != null) {
                    throw new IllegalArgumentException("both a verifier and public keys for " + name);
                }
                v = Signatures.verifier(new ArrayList<>(publicKeys.values()));
            }
            SignatureSigner s = signer;
            if (signingKind != null && s == null) {
                s = signerFor(signingKind, privateKeys.get(signingKind));
            }
            return new Entry(Map.copyOf(all), v, s);
        }

        private void asymmetric(Map<EncryptionType, DataUnitCipher> all, EncryptionType type, KeySpec.Kind pubKind,
                                KeySpec.Kind privKind, Slot fallback) {
            PublicKey pub = publicKeys.get(pubKind);
            PrivateKey priv = privateKeys.get(privKind);
            if (pub == null && priv == null) {
                return; // the id has no halves: lookups fall back to the default cipher
            }
            if (ciphers.containsKey(type)) {
                throw new IllegalArgumentException("both an explicit " + type.label() + " cipher and " + type.label()
                        + " keys for " + name);
            }
            if (fallback != null) {
                pub = pub != null ? pub : fallback.publicKeys.get(pubKind);
                priv = priv != null ? priv : fallback.privateKeys.get(privKind);
            }
            all.put(type, type == EncryptionType.RSA ? Ciphers.rsa(pub, priv) : Ciphers.sm2(pub, priv));
        }

        private static SignatureSigner signerFor(KeySpec.Kind kind, PrivateKey key) {
            switch (kind) {
                case RSA_PRIVATE:
                    return Signatures.rsaSigner(key);
                case SM2_PRIVATE:
                    return Signatures.sm2Signer(key);
                default:
                    return Signatures.eccSigner(key);
            }
        }
    }
}
