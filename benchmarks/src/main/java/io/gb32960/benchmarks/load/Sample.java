package io.gb32960.benchmarks.load;

/**
 * What the benchmark reads at one instant: node metrics, Kafka end offsets and CPU seconds of the
 * processes involved.
 *
 * @param seconds      since the start of the measurement window
 * @param kafkaOffsets sum of the telemetry topic's end offsets
 * @param published    gb32960_telemetry_published_total
 * @param framesIn     realtime + reissue frames the node received
 * @param buffered     gb32960_telemetry_buffered (queue between event loops and Kafka)
 * @param spillFrames  gb32960_telemetry_spill_frames
 * @param logins       gb32960_logins_total{result="success"}
 * @param simFrames    realtime + reissue frames the in-process simulator sent (0 without one)
 * @param cpuNode      CPU seconds of the node processes
 * @param cpuBroker    CPU seconds of the broker process
 * @param cpuHarness   CPU seconds of this process (simulator or login driver, sampling)
 * @param cpuRedis     CPU seconds of the Redis server
 * @param cpuBusy      busy CPU seconds of the machine (all cores)
 * @param cpuTotal     CPU seconds of the machine (all cores)
 * @param softirq      softirq CPU seconds of the machine
 * @param processes    CPU seconds of every process by pid (name, seconds)
 * @param nodeThreads  CPU seconds of the node's threads by name group
 * @param metrics      the nodes' metrics (summed across nodes)
 */
record Sample(double seconds, long kafkaOffsets, double published, double framesIn, double buffered,
              double spillFrames, double logins, long simFrames, double cpuNode, double cpuBroker, double cpuHarness,
              double cpuRedis, double cpuBusy, double cpuTotal, double softirq,
              java.util.Map<Long, java.util.Map.Entry<String, Double>> processes,
              java.util.Map<String, Double> nodeThreads, Prometheus metrics) {

    /** Per-second rate of a counter between two samples. */
    static double rate(double from, double to, Sample a, Sample b) {
        return (to - from) / (b.seconds - a.seconds);
    }

    /** Cores used (CPU seconds per second) between {@code a} and this. */
    double cores(double before, double after, Sample a) {
        return (after - before) / (seconds - a.seconds);
    }
}
