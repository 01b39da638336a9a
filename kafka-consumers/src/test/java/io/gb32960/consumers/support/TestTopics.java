package io.gb32960.consumers.support;

/** Topic and group names of one test class, so classes share a broker without seeing each other's records. */
public record TestTopics(String prefix) {

    public String telemetry() {
        return prefix + ".telemetry";
    }

    public String telemetryDlt() {
        return prefix + ".telemetry.dlt";
    }

    public String events() {
        return prefix + ".vehicle-events";
    }

    public String eventsDlt() {
        return prefix + ".vehicle-events.dlt";
    }

    public String decoded() {
        return prefix + ".telemetry.decoded";
    }
}
