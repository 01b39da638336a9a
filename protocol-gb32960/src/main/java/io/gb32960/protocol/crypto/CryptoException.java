package io.gb32960.protocol.crypto;

/** A cipher or signature operation failed (wrong key, bad padding, malformed key material). */
public final class CryptoException extends RuntimeException {

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }

    public CryptoException(String message) {
        super(message);
    }
}
