package io.gb32960.platform.common.command;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON of command envelopes and results on Redis. */
public final class CommandJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public String toJson(CommandEnvelope envelope) {
        return mapper.writeValueAsString(envelope);
    }

    public String toJson(CommandResult result) {
        return mapper.writeValueAsString(result);
    }

    public CommandEnvelope envelope(String json) {
        return mapper.readValue(json, CommandEnvelope.class);
    }

    public CommandResult result(String json) {
        return mapper.readValue(json, CommandResult.class);
    }
}
