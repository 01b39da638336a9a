package io.gb32960.platform.common.event;

import tools.jackson.databind.json.JsonMapper;

/** The JSON form of {@link VehicleEvent}: {@code {"vin","type","reason","node","remote","at"}}, {@code at} ISO-8601 UTC. */
public final class VehicleEventJson {

    private final JsonMapper mapper = JsonMapper.builder().build();

    public byte[] toJson(VehicleEvent event) {
        return mapper.writeValueAsBytes(event);
    }

    public VehicleEvent fromJson(byte[] json) {
        return mapper.readValue(json, VehicleEvent.class);
    }
}
