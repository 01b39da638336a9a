package io.gb32960.simulator.sim;

import io.gb32960.protocol.frame.Edition;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link Simulation} runs. Build one with {@link #builder()}; the compact constructor
 * rejects impossible values with {@link IllegalArgumentException}.
 *
 * @param vehicles        one terminal per identity (VINs unique)
 * @param interval        realtime report period (the standard allows at most 30 s)
 * @param duration        how long to run; {@link Duration#ZERO} = until {@link Simulation#stop()}
 * @param heartbeat       heartbeat 0x07 period while logged in (parameter 0x09)
 * @param loginRetry      wait for a login answer before sending the login again (1 min in B.2.2)
 * @param loginBackoff    wait after {@code loginAttempts} failed logins in a row (30 min in B.2.2)
 * @param reconnectDelay  base delay before reconnecting after a lost session; each vehicle waits a
 *                        random time between half of it and all of it
 * @param rampUp          vehicle i starts at {@code rampUp * i / n}
 * @param reissueBuffer   realtime frames a vehicle keeps while it cannot send them (the oldest are
 *                        dropped beyond this); sent as reissue 0x03 after the next login
 * @param threads         event-loop threads for all vehicles
 * @param timeScale       simulated seconds per real second of the driving model (1 = real time;
 *                        larger values make speed, SOC and position change faster); frame times
 *                        stay real
 * @param alarmProbability chance per frame that a level-1/2 alarm episode starts
 * @param logoutOnStop    send vehicle logout 0x04 before closing at the end
 * @param dispatch        the dispatch login (docs/protocol-extensions.md), or null to connect
 *                        directly to {@code host:port}
 * @param upgrade         how terminals handle remote upgrades (0x82 control 0x01) and the OTA version check
 */
public record SimulationConfig(String host, int port, Edition edition, List<VehicleIdentity> vehicles,
                               Duration interval, Duration duration, Duration heartbeat,
                               Duration loginRetry, Duration loginBackoff, int loginAttempts,
                               Duration reconnectDelay, Duration rampUp, Duration connectTimeout,
                               int reissueBuffer, int threads, Transport transport, double timeScale,
                               double originLatitude, double originLongitude, long seed,
                               double alarmProbability, boolean logoutOnStop, Dispatch dispatch,
                               Upgrade upgrade) {

    /**
     * Remote upgrades: the terminal downloads the URL of the command over HTTP(S), resuming with
     * {@code Range}/{@code If-Range} when the download broke off, checks the file's MD5 (the
     * {@code X-Firmware-MD5} header of the OTA service, or the check's answer), "installs" it after
     * {@code installTime} (its reported firmware version, parameter 0x08, becomes the command's
     * version) or fails at {@code failureRate} (the version stays). With {@code checkUrl} it asks
     * the OTA service at power-up, before its login, and again after an install
     * ({@code GET checkUrl?vin=&hardware=&firmware=}, HMAC-signed with {@code terminalSecretHex}).
     *
     * @param firmwareVersion  the version every terminal reports at the start
     * @param hardwareVersion  the hardware version every terminal reports
     * @param failureRate      share of installs that fail, 0..1; exactly every (1/rate)-th install fails
     * @param interruptRate    share of downloads broken off halfway and resumed, 0..1
     * @param installTime      from the verified download to the new version
     * @param checkUrl         the OTA service's check endpoint, or null for no checks
     * @param terminalSecretHex the terminals' HMAC secret (the same for all, hex), needed with checkUrl
     */
    public record Upgrade(String firmwareVersion, String hardwareVersion, double failureRate, double interruptRate,
                          Duration installTime, String checkUrl, String terminalSecretHex) {

        public static final Upgrade DEFAULT = new Upgrade("FW1.2", "HW1.0", 0, 0, Duration.ofMillis(200), null, null);

        public Upgrade {
            Objects.requireNonNull(firmwareVersion, "firmwareVersion");
            Objects.requireNonNull(hardwareVersion, "hardwareVersion");
            require(failureRate >= 0 && failureRate <= 1, "upgrade failure rate must be in [0, 1]");
            require(interruptRate >= 0 && interruptRate <= 1, "download interrupt rate must be in [0, 1]");
            require(notNegative(installTime), "install time must not be negative");
            require(checkUrl == null || terminalSecretHex != null && terminalSecretHex.matches("([0-9a-fA-F]{2})+"),
                    "the OTA check needs the terminal secret (hex)");
        }
    }

    /**
     * Where and as whom a terminal asks for its access node: platform login 0x05 at
     * {@code host:port} with the VIN as unique id; the answer is an assignment frame 0xC0.
     *
     * @param account  platform user name, at most 12 bytes
     * @param password platform password, at most 20 bytes
     */
    public record Dispatch(String host, int port, String account, String password) {

        /** Failed connects or logins in a row at the assigned node before a vehicle asks the dispatcher again. */
        public static final int NODE_ATTEMPTS = 3;

        public Dispatch {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(password, "password");
            require(port >= 1 && port <= 65_535, "dispatch port must be 1..65535: " + port);
            require(!account.isEmpty() && account.length() <= io.gb32960.protocol.message.PlatformLogin.USERNAME_LENGTH
                    && ascii(account), "the account must be 1..12 ASCII characters");
            require(password.length() <= io.gb32960.protocol.message.PlatformLogin.PASSWORD_LENGTH && ascii(password),
                    "the password must be at most 20 ASCII characters");
        }

        /** {@code host:port}, the label of the dispatcher. */
        public String address() {
            return host + ":" + port;
        }

        private static boolean ascii(String s) {
            return s.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
        }
    }

    public SimulationConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(transport, "transport");
        vehicles = List.copyOf(vehicles);
        require(port >= 1 && port <= 65_535, "port must be 1..65535: " + port);
        require(!vehicles.isEmpty(), "no vehicles");
        Set<String> vins = new HashSet<>();
        for (VehicleIdentity v : vehicles) {
            require(vins.add(v.vin()), "duplicate VIN " + v.vin());
        }
        require(positive(interval), "interval must be positive");
        require(notNegative(duration), "duration must not be negative");
        require(positive(heartbeat), "heartbeat must be positive");
        require(positive(loginRetry), "login retry must be positive");
        require(notNegative(loginBackoff), "login backoff must not be negative");
        require(loginAttempts >= 1, "login attempts must be at least 1");
        require(notNegative(reconnectDelay), "reconnect delay must not be negative");
        require(notNegative(rampUp), "ramp-up must not be negative");
        require(positive(connectTimeout), "connect timeout must be positive");
        require(reissueBuffer >= 0, "reissue buffer must not be negative");
        require(threads >= 1, "threads must be at least 1");
        require(timeScale > 0 && timeScale <= 10_000, "time scale must be in (0, 10000]");
        require(originLatitude >= -89 && originLatitude <= 89, "origin latitude must be within ±89°");
        require(originLongitude >= -179 && originLongitude <= 179, "origin longitude must be within ±179°");
        require(alarmProbability >= 0 && alarmProbability <= 1, "alarm probability must be in [0, 1]");
        upgrade = Objects.requireNonNullElse(upgrade, Upgrade.DEFAULT);
    }

    public static Builder builder() {
        return new Builder();
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static boolean notNegative(Duration d) {
        return d != null && !d.isNegative();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Defaults: 127.0.0.1:32960, 2016, 10 s reports, standard login retry rules, real time. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 32960;
        private Edition edition = Edition.V2016;
        private List<VehicleIdentity> vehicles = VehicleIdentities.pattern(VehicleIdentities.DEFAULT_PATTERN, 1, 1);
        private Duration interval = Duration.ofSeconds(10);
        private Duration duration = Duration.ZERO;
        private Duration heartbeat = Duration.ofSeconds(30);
        private Duration loginRetry = Duration.ofMinutes(1);
        private Duration loginBackoff = Duration.ofMinutes(30);
        private int loginAttempts = 3;
        private Duration reconnectDelay = Duration.ofSeconds(5);
        private Duration rampUp;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private int reissueBuffer = 60;
        private int threads = 1;
        private Transport transport = Transport.AUTO;
        private double timeScale = 1;
        private double originLatitude = 31.2304;
        private double originLongitude = 121.4737;
        private long seed = 32960;
        private double alarmProbability = 0.002;
        private boolean logoutOnStop = true;
        private Dispatch dispatch;
        private Upgrade upgrade = Upgrade.DEFAULT;

        private Builder() {
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder edition(Edition edition) {
            this.edition = edition;
            return this;
        }

        public Builder vehicles(List<VehicleIdentity> vehicles) {
            this.vehicles = vehicles;
            return this;
        }

        /** {@code count} vehicles of the default VIN pattern, numbered from 1. */
        public Builder vehicles(int count) {
            this.vehicles = VehicleIdentities.pattern(VehicleIdentities.DEFAULT_PATTERN, 1, count);
            return this;
        }

        public Builder interval(Duration interval) {
            this.interval = interval;
            return this;
        }

        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        public Builder heartbeat(Duration heartbeat) {
            this.heartbeat = heartbeat;
            return this;
        }

        public Builder loginRetry(Duration loginRetry) {
            this.loginRetry = loginRetry;
            return this;
        }

        public Builder loginBackoff(Duration loginBackoff) {
            this.loginBackoff = loginBackoff;
            return this;
        }

        public Builder loginAttempts(int loginAttempts) {
            this.loginAttempts = loginAttempts;
            return this;
        }

        public Builder reconnectDelay(Duration reconnectDelay) {
            this.reconnectDelay = reconnectDelay;
            return this;
        }

        /** Default: the interval. */
        public Builder rampUp(Duration rampUp) {
            this.rampUp = rampUp;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder reissueBuffer(int frames) {
            this.reissueBuffer = frames;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder transport(Transport transport) {
            this.transport = transport;
            return this;
        }

        public Builder timeScale(double timeScale) {
            this.timeScale = timeScale;
            return this;
        }

        public Builder origin(double latitude, double longitude) {
            this.originLatitude = latitude;
            this.originLongitude = longitude;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder alarmProbability(double probability) {
            this.alarmProbability = probability;
            return this;
        }

        public Builder logoutOnStop(boolean logout) {
            this.logoutOnStop = logout;
            return this;
        }

        /** Dispatch login instead of a direct connection; null (the default) for direct mode. */
        public Builder dispatch(Dispatch dispatch) {
            this.dispatch = dispatch;
            return this;
        }

        /** Remote-upgrade behaviour; default {@link Upgrade#DEFAULT}. */
        public Builder upgrade(Upgrade upgrade) {
            this.upgrade = upgrade;
            return this;
        }

        public SimulationConfig build() {
            return new SimulationConfig(host, port, edition, vehicles, interval, duration, heartbeat, loginRetry,
                    loginBackoff, loginAttempts, reconnectDelay, rampUp != null ? rampUp : interval, connectTimeout,
                    reissueBuffer, threads, transport, timeScale, originLatitude, originLongitude, seed,
                    alarmProbability, logoutOnStop, dispatch, upgrade);
        }
    }
}
