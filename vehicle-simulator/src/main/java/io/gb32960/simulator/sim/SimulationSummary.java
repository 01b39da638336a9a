package io.gb32960.simulator.sim;

import io.gb32960.protocol.frame.CommandId;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import java.io.StringWriter;
import java.util.Map;

/**
 * The result of a simulation run. Command and flag names are those of the decoder's JSON
 * ({@link CommandId#jsonName()}, {@code ResponseFlag.nameOf}).
 *
 * @param framesSent     frames written, by command name (reissue frames counted when sent)
 * @param responses      frames received, by command name and response-flag name
 * @param loginFailures  loginRejected + loginTimeouts + loginAborted (closed before the answer)
 * @param badFrames      received bytes the framer rejected (garbage, bad BCC)
 * @param errors         connectFailures + loginFailures + badFrames + channel and internal errors
 * @param lastError      the last error seen, or null
 * @param latency        send-to-response latency of login, heartbeat and time calibration
 * @param dispatch       dispatch-login counters, or null in direct mode
 * @param commands       downlink commands 0x80-0x82 received and answered
 */
public record SimulationSummary(String edition, String transport, int vehicles, int threads, double durationSeconds,
                                Map<String, Long> framesSent, long framesSentTotal,
                                Map<String, Map<String, Long>> responses, long responsesTotal,
                                long connectAttempts, long connectFailures, long disconnects, long reconnects,
                                long loginFailures, long loginRejected, long loginTimeouts, long loginAborted,
                                Reissue reissue, long bytesSent, long bytesReceived, long badFrames, long errors,
                                String lastError, Map<String, Latency> latency, Dispatch dispatch,
                                Commands commands) {

    /**
     * Dispatch logins (platform login 0x05 at the dispatcher, then assignment 0xC0).
     *
     * @param attempts  platform logins sent to the dispatcher
     * @param successes assignments received
     * @param refusals  platform logins answered with an error flag
     * @param nodes     vehicles by the node ({@code host:port}) of their current or last assignment
     */
    public record Dispatch(long attempts, long successes, long refusals, Map<String, Integer> nodes) {
    }

    /**
     * Downlink commands.
     *
     * @param received by command name (query, set, terminalControl)
     * @param answered answers sent (any flag)
     * @param refused  answers sent with the error flag (a parameter it cannot set, an unknown control)
     * @param controls terminal controls 0x82 received, by control name (remoteUpgrade, alarmWarning, ...)
     */
    public record Commands(Map<String, Long> received, long answered, long refused, Map<String, Long> controls) {

        public long received(CommandId command) {
            return received.getOrDefault(command.jsonName(), 0L);
        }
    }

    /**
     * Realtime frames that could not be sent when generated.
     *
     * @param pending buffered, neither sent nor dropped when the run ended
     */
    public record Reissue(long buffered, long sent, long dropped, long pending) {
    }

    /** Latency percentiles in milliseconds (log-linear histogram, about 3 % resolution). */
    public record Latency(long count, double p50, double p90, double p99, double max) {

        static Latency of(LatencyHistogram h) {
            return new Latency(h.count(), ms(h.percentileMicros(0.50)), ms(h.percentileMicros(0.90)),
                    ms(h.percentileMicros(0.99)), ms(h.maxMicros()));
        }

        private static double ms(long micros) {
            return micros / 1000.0;
        }
    }

    public long framesSent(CommandId command) {
        return framesSent.getOrDefault(command.jsonName(), 0L);
    }

    /** Responses to {@code command} with the flag named {@code flag} (e.g. "success"). */
    public long responses(CommandId command, String flag) {
        return responses.getOrDefault(command.jsonName(), Map.of()).getOrDefault(flag, 0L);
    }

    public String toJson() {
        StringWriter out = new StringWriter(2048);
        try (JsonGenerator g = JsonFactory.builder().build().createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeStringProperty("edition", edition);
            g.writeStringProperty("transport", transport);
            g.writeNumberProperty("vehicles", vehicles);
            g.writeNumberProperty("threads", threads);
            g.writeNumberProperty("durationSeconds", Math.round(durationSeconds * 1000) / 1000.0);
            g.writeObjectPropertyStart("framesSent");
            framesSent.forEach(g::writeNumberProperty);
            g.writeEndObject();
            g.writeNumberProperty("framesSentTotal", framesSentTotal);
            g.writeObjectPropertyStart("responses");
            responses.forEach((command, byFlag) -> {
                g.writeObjectPropertyStart(command);
                byFlag.forEach(g::writeNumberProperty);
                g.writeEndObject();
            });
            g.writeEndObject();
            g.writeNumberProperty("responsesTotal", responsesTotal);
            g.writeNumberProperty("connectAttempts", connectAttempts);
            g.writeNumberProperty("connectFailures", connectFailures);
            g.writeNumberProperty("disconnects", disconnects);
            g.writeNumberProperty("reconnects", reconnects);
            g.writeNumberProperty("loginFailures", loginFailures);
            g.writeNumberProperty("loginRejected", loginRejected);
            g.writeNumberProperty("loginTimeouts", loginTimeouts);
            g.writeNumberProperty("loginAborted", loginAborted);
            g.writeObjectPropertyStart("reissue");
            g.writeNumberProperty("buffered", reissue.buffered());
            g.writeNumberProperty("sent", reissue.sent());
            g.writeNumberProperty("dropped", reissue.dropped());
            g.writeNumberProperty("pending", reissue.pending());
            g.writeEndObject();
            g.writeNumberProperty("bytesSent", bytesSent);
            g.writeNumberProperty("bytesReceived", bytesReceived);
            g.writeNumberProperty("badFrames", badFrames);
            g.writeNumberProperty("errors", errors);
            if (lastError != null) {
                g.writeStringProperty("lastError", lastError);
            }
            g.writeObjectPropertyStart("latencyMs");
            latency.forEach((command, l) -> {
                g.writeObjectPropertyStart(command);
                g.writeNumberProperty("count", l.count());
                g.writeNumberProperty("p50", l.p50());
                g.writeNumberProperty("p90", l.p90());
                g.writeNumberProperty("p99", l.p99());
                g.writeNumberProperty("max", l.max());
                g.writeEndObject();
            });
            g.writeEndObject();
            if (dispatch != null) {
                g.writeObjectPropertyStart("dispatch");
                g.writeNumberProperty("attempts", dispatch.attempts());
                g.writeNumberProperty("successes", dispatch.successes());
                g.writeNumberProperty("refusals", dispatch.refusals());
                g.writeObjectPropertyStart("nodes");
                dispatch.nodes().forEach(g::writeNumberProperty);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeObjectPropertyStart("commands");
            g.writeObjectPropertyStart("received");
            commands.received().forEach(g::writeNumberProperty);
            g.writeEndObject();
            g.writeNumberProperty("answered", commands.answered());
            g.writeNumberProperty("refused", commands.refused());
            g.writeObjectPropertyStart("controls");
            commands.controls().forEach(g::writeNumberProperty);
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toString();
    }
}
