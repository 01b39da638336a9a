package io.gb32960.ota.firmware;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Per-vehicle, expiring download URLs: {@code BASE/ota/download/FIRMWARE/VIN?c=CAMPAIGN&exp=EPOCH_S&sig=SIG},
 * SIG = base64url HMAC-SHA256 of {@code FIRMWARE:VIN:CAMPAIGN:EXP} under the service's signing key.
 * A URL contains no ';' (the separator of the remote-upgrade parameters, Table B.15/B.16).
 */
@Component
public class DownloadSigner {

    private static final Logger log = LoggerFactory.getLogger(DownloadSigner.class);
    private static final String KEY_NAME = "download-signing-key";

    private final FirmwareProperties properties;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private volatile byte[] key;

    DownloadSigner(FirmwareProperties properties, NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A signed URL for {@code vin} to fetch {@code firmwareId} within campaign {@code campaignId}. */
    public String url(long firmwareId, String vin, long campaignId) {
        long exp = clock.instant().plus(properties.urlTtl()).getEpochSecond();
        String base = properties.publicBaseUrl().endsWith("/")
                ? properties.publicBaseUrl().substring(0, properties.publicBaseUrl().length() - 1)
                : properties.publicBaseUrl();
        return base + "/ota/download/" + firmwareId + "/" + vin + "?c=" + campaignId + "&exp=" + exp
                + "&sig=" + signature(firmwareId, vin, campaignId, exp);
    }

    /** Whether the signature is this service's and the URL has not expired. */
    public boolean valid(long firmwareId, String vin, long campaignId, long exp, String sig) {
        if (sig == null || exp < clock.instant().getEpochSecond()) {
            return false;
        }
        return MessageDigest.isEqual(signature(firmwareId, vin, campaignId, exp).getBytes(StandardCharsets.US_ASCII),
                sig.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(long firmwareId, String vin, long campaignId, long exp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] s = mac.doFinal((firmwareId + ":" + vin + ":" + campaignId + ":" + exp)
                    .getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(s);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] load() {
        if (!properties.signingKey().isBlank()) {
            byte[] configured = Base64.getDecoder().decode(properties.signingKey().trim());
            if (configured.length < 32) {
                throw new IllegalStateException("gb32960.ota.firmware.signing-key must be at least 32 bytes (base64)");
            }
            return configured;
        }
        byte[] generated = new byte[32];
        new SecureRandom().nextBytes(generated);
        // the first instance to insert wins; every instance then reads the same key
        if (jdbc.update("INSERT IGNORE INTO ota_secret (name, value) VALUES (:n, :v)",
                Map.of("n", KEY_NAME, "v", generated)) > 0) {
            log.warn("generated the download-URL signing key and stored it in the database (ota_secret); configure"
                    + " gb32960.ota.firmware.signing-key to keep it elsewhere");
        }
        return jdbc.queryForObject("SELECT value FROM ota_secret WHERE name = :n", Map.of("n", KEY_NAME), byte[].class);
    }

    /** For tests and tools: when a URL made now expires. */
    public Instant expiryOfNewUrls() {
        return clock.instant().plus(properties.urlTtl());
    }
}
