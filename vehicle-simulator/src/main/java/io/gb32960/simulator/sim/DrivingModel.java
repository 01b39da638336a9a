package io.gb32960.simulator.sim;

/**
 * The physical state of one simulated battery-electric car, advanced in simulated seconds: a
 * driving cycle (park, accelerate, cruise, brake; charge when the battery runs low), a 96-cell pack
 * whose voltage and current follow the power the car needs, two motors, a position moving along a
 * circular route around a start point, and occasional level-1/2 alarm episodes.
 *
 * <p>Deliberately small: a few dozen scalar fields. Per-cell and per-probe values are computed on
 * demand from the seed and the frame counter ({@link Noise}), not stored. Not thread-safe: a
 * vehicle's model is only touched by its event loop.
 */
final class DrivingModel {

    static final int CELLS = 96;
    static final int PROBES = 32;
    static final int MOTORS = 2;

    enum Phase { PARKED, ACCELERATING, CRUISING, BRAKING, CHARGING }

    private static final double CAPACITY_KWH = 60;
    private static final double MASS_KG = 1800;
    private static final double DRAG_AREA = 0.65; // Cd·A, m²
    private static final double ROLLING = 0.011;
    private static final double AUXILIARY_KW = 0.6;
    private static final double MAX_REGEN_KW = 50;
    private static final double PACK_OHM = 0.12;
    private static final double PACK_HEAT_J_PER_K = 3.0e5;
    private static final double PACK_COOLING_S = 1200;
    private static final double AMBIENT_C = 25;
    /** Motor rpm per km/h: gear ratio 9.7, wheel radius 0.33 m. */
    private static final double RPM_PER_KMH = 9.7 / (2 * Math.PI * 0.33) * 1000 / 60;
    private static final double KM_PER_DEGREE = 111.32;

    /** Alarm episodes: general alarm flag bit (Table 18) and level. */
    private static final int[][] EPISODES = {{0, 1}, {10, 1}, {12, 1}, {11, 2}, {1, 2}};
    static final int BIT_TEMPERATURE_DIFFERENCE = 0;
    static final int BIT_HIGH_TEMPERATURE = 1;
    static final int BIT_SOC_LOW = 4;
    static final int BIT_CELL_CONSISTENCY = 10;
    static final int BIT_INSULATION = 11;

    private final long seed;
    private final double centerLat;
    private final double centerLon;
    private final double radiusKm;
    private final int direction;
    private long rng;

    private Phase phase;
    private double phaseLeft;
    private double speed;
    private double target;
    private double rate;
    private double odometer;
    private double soc;
    private double chargeTarget;
    private double packTemp;
    private double motorTemp;
    private double theta;
    /** Results of the last step: acceleration m/s², mechanical and battery power kW. */
    private double accel;
    private double mechanicalKw;
    private double batteryKw;

    private int frame;
    private int alarmBit = -1;
    private int alarmLevel;
    private int alarmFramesLeft;

    DrivingModel(long seed, double originLat, double originLon) {
        this.seed = seed;
        this.rng = Noise.mix(seed) | 1;
        centerLat = originLat + (random() - 0.5) * 0.1;
        centerLon = originLon + (random() - 0.5) * 0.1;
        radiusKm = 1 + 4 * random();
        direction = random() < 0.5 ? 1 : -1;
        theta = 2 * Math.PI * random();
        soc = 30 + 65 * random();
        odometer = 500 + 79_500 * random();
        packTemp = 22 + 8 * random();
        motorTemp = packTemp;
        double r = random();
        if (r < 0.4) {
            park(30 * random());
        } else if (r < 0.6) {
            phase = Phase.ACCELERATING;
            target = 40 + 50 * random();
            speed = 30 * random();
            rate = 1 + 1.5 * random();
        } else {
            cruise(30 + 60 * random());
            speed = target;
        }
        batteryKw = AUXILIARY_KW;
    }

    /** Advances the model by {@code seconds} of simulated time, in steps of at most one second. */
    void advance(double seconds) {
        double left = seconds;
        while (left > 1e-9) {
            double h = Math.min(1.0, left);
            step(h);
            left -= h;
        }
    }

    /**
     * Starts the next frame: the jitter of cell voltages and temperatures changes, and alarm
     * episodes start (with the given probability) or run out.
     */
    void nextFrame(double alarmProbability) {
        frame++;
        if (alarmFramesLeft > 0) {
            if (--alarmFramesLeft == 0) {
                alarmBit = -1;
                alarmLevel = 0;
            }
        } else if (random() < alarmProbability) {
            int[] e = EPISODES[(int) (random() * EPISODES.length)];
            alarmBit = e[0];
            alarmLevel = e[1];
            alarmFramesLeft = 3 + (int) (random() * 18);
        }
    }

    private void step(double h) {
        double v0 = speed;
        switch (phase) {
            case PARKED -> {
                phaseLeft -= h;
                if (phaseLeft <= 0) {
                    if (soc < 25 || (soc < 50 && random() < 0.1)) {
                        phase = Phase.CHARGING;
                        chargeTarget = 85 + 15 * random();
                    } else {
                        phase = Phase.ACCELERATING;
                        target = random() < 0.8 ? 30 + 40 * random() : 80 + 40 * random();
                        rate = 1 + 1.5 * random();
                    }
                }
            }
            case ACCELERATING -> {
                speed = Math.min(target, speed + rate * 3.6 * h);
                if (speed >= target) {
                    cruise(target);
                }
            }
            case CRUISING -> {
                phaseLeft -= h;
                speed = clamp(speed + (random() - 0.5) * 2 * h, target - 5, target + 5);
                if (phaseLeft <= 0) {
                    phase = Phase.BRAKING;
                    rate = 1.5 + 1.5 * random();
                }
            }
            case BRAKING -> {
                speed = Math.max(0, speed - rate * 3.6 * h);
                if (speed == 0) {
                    park(random() < 0.9 ? 5 + 55 * random() : 120 + 480 * random());
                }
            }
            case CHARGING -> {
                if (soc >= chargeTarget) {
                    park(5 + 25 * random());
                }
            }
        }
        accel = (speed - v0) / 3.6 / h;
        double v = (speed + v0) / 2 / 3.6;
        double force = MASS_KG * accel + 0.5 * 1.2 * DRAG_AREA * v * v + (v > 0.1 ? MASS_KG * 9.81 * ROLLING : 0);
        mechanicalKw = force * v / 1000;
        if (phase == Phase.CHARGING) {
            batteryKw = -60 * Math.max(0.15, Math.min(1, (100 - soc) / 20));
        } else if (mechanicalKw >= 0) {
            batteryKw = mechanicalKw / 0.9 + AUXILIARY_KW;
        } else {
            batteryKw = Math.max(-MAX_REGEN_KW, mechanicalKw * 0.6) + AUXILIARY_KW;
        }
        soc = clamp(soc - batteryKw * h / 3600 / CAPACITY_KWH * 100, 0, 100);
        double km = v * h / 1000;
        odometer += km;
        theta += direction * km / radiusKm;
        double current = packCurrentA();
        double heat = current * current * PACK_OHM / PACK_HEAT_J_PER_K;
        packTemp += (heat - (packTemp - AMBIENT_C) / PACK_COOLING_S) * h;
        motorTemp += ((packTemp + 5 + Math.abs(mechanicalKw) * 0.8) - motorTemp) / 300 * h;
    }

    private void park(double seconds) {
        phase = Phase.PARKED;
        phaseLeft = seconds;
        speed = 0;
    }

    private void cruise(double kmh) {
        phase = Phase.CRUISING;
        target = kmh;
        phaseLeft = 30 + 270 * random();
    }

    private double random() {
        rng = Noise.next(rng);
        return Noise.unit(rng);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    // ---- observed values, in physical units ----

    Phase phase() {
        return phase;
    }

    boolean charging() {
        return phase == Phase.CHARGING;
    }

    double speedKmh() {
        return speed;
    }

    double odometerKm() {
        return odometer;
    }

    double socPercent() {
        return soc;
    }

    /** Open-circuit voltage of one cell (NCM-like, 3.30 V empty to 4.20 V full). */
    private double cellOcv() {
        return 3.30 + 0.009 * soc;
    }

    /** Battery current, positive when discharging. */
    double packCurrentA() {
        return batteryKw * 1000 / (CELLS * cellOcv());
    }

    double packVoltageV() {
        return CELLS * cellOcv() - packCurrentA() * PACK_OHM;
    }

    double mechanicalKw() {
        return mechanicalKw;
    }

    double accelerationMs2() {
        return accel;
    }

    /** Cell {@code i} (0-based) in mV: pack share, a fixed per-cell offset and per-frame jitter. */
    int cellVoltageMv(int i) {
        double base = packVoltageV() / CELLS * 1000;
        int offset = Noise.symmetric(Noise.hash(seed, i, -1), 8) + Noise.symmetric(Noise.hash(seed, i, frame), 2);
        if (alarmBit == BIT_CELL_CONSISTENCY && i == 17) {
            offset -= 60;
        }
        return (int) Math.round(base) + offset;
    }

    /** Probe {@code i} (0-based) in whole °C. */
    int probeTemperatureC(int i) {
        double t = packTemp + Noise.symmetric(Noise.hash(seed, 1000 + i, -1), 15) / 10.0
                + Noise.symmetric(Noise.hash(seed, 1000 + i, frame), 5) / 10.0;
        if (alarmBit == BIT_TEMPERATURE_DIFFERENCE && i == 5) {
            t += 12;
        } else if (alarmBit == BIT_HIGH_TEMPERATURE) {
            t += 25;
        }
        return (int) Math.round(t);
    }

    int motorRpm() {
        return (int) Math.round(speed * RPM_PER_KMH);
    }

    /** Torque of each of the two motors, N·m: half the wheel force through the gear. */
    double motorTorqueNm() {
        double v = speed / 3.6;
        double force = MASS_KG * accel + 0.5 * 1.2 * DRAG_AREA * v * v + (v > 0.1 ? MASS_KG * 9.81 * ROLLING : 0);
        return phase == Phase.PARKED || phase == Phase.CHARGING ? 0 : force * 0.33 / 9.7 / MOTORS;
    }

    int motorTemperatureC(int motor) {
        return (int) Math.round(motorTemp + motor);
    }

    int controllerTemperatureC(int motor) {
        return (int) Math.round(motorTemp - 6 + motor);
    }

    int insulationKohm() {
        if (alarmBit == BIT_INSULATION) {
            return 300 + (int) Math.floorMod(Noise.hash(seed, 7, frame), 200L);
        }
        return 20_000 + (int) Math.floorMod(Noise.hash(seed, 7, -1), 30_000L);
    }

    double latitude() {
        return centerLat + radiusKm / KM_PER_DEGREE * Math.sin(theta);
    }

    double longitude() {
        return centerLon + radiusKm / (KM_PER_DEGREE * Math.cos(Math.toRadians(centerLat))) * Math.cos(theta);
    }

    /** Accelerator pedal travel, % (2016 Annex B). */
    int acceleratorPercent() {
        if (phase == Phase.ACCELERATING) {
            return (int) Math.min(100, 25 + accel * 15);
        }
        return phase == Phase.CRUISING ? (int) Math.min(100, 8 + mechanicalKw) : 0;
    }

    /** Brake pedal travel, % (2016 Annex B). */
    int brakePercent() {
        if (phase == Phase.BRAKING) {
            return (int) Math.min(100, 10 + rate * 12);
        }
        return phase == Phase.PARKED ? 15 : 0;
    }

    /** Highest active alarm level, 0 when none. */
    int alarmLevel() {
        return Math.max(alarmLevel, soc < 15 ? 1 : 0);
    }

    /** Active general alarm flags (bit i = flag i of Table 18). */
    long alarmFlags() {
        long flags = alarmBit >= 0 ? 1L << alarmBit : 0;
        if (soc < 15) {
            flags |= 1L << BIT_SOC_LOW;
        }
        return flags;
    }

    /** The level of one active flag bit. */
    int alarmLevelOf(int bit) {
        return bit == alarmBit ? alarmLevel : 1;
    }
}
