package io.gb32960.ota.firmware;

/** Told about downloads of signed URLs (the rollout moves its vehicles' states on them). */
public interface DownloadListener {

    /** The first bytes of a response were written. */
    void downloadStarted(long campaignId, String vin);

    /** A response that ends with the file's last byte was written completely. */
    void downloadCompleted(long campaignId, String vin);

    /** Whether the campaign still serves downloads (not canceled). */
    boolean downloadAllowed(long campaignId, String vin);
}
