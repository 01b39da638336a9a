package io.gb32960.ota.firmware;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Firmware storage and downloads ({@code gb32960.ota.firmware.*}).
 *
 * @param storageDir     where the local storage keeps the files
 * @param maxSize        the largest firmware file accepted
 * @param publicBaseUrl  how terminals reach this service (download URLs start with it), e.g.
 *                       {@code https://ota.example.com}
 * @param urlTtl         how long a signed download URL is valid
 * @param signingKey     HMAC key of download URLs (base64, at least 32 bytes); empty: generated once
 *                       and kept in {@code ota_secret}, so every instance signs alike
 * @param downloadBuffer bytes copied per write when serving a download
 */
@ConfigurationProperties("gb32960.ota.firmware")
public record FirmwareProperties(@DefaultValue("./data/firmware") Path storageDir,
                                 @DefaultValue("256MB") DataSize maxSize,
                                 @DefaultValue("http://127.0.0.1:8090") String publicBaseUrl,
                                 @DefaultValue("24h") Duration urlTtl,
                                 @DefaultValue("") String signingKey,
                                 @DefaultValue("64KB") DataSize downloadBuffer) {
}
