package io.gb32960.access.event;

import io.gb32960.platform.common.event.VehicleEvent;
import io.gb32960.platform.common.event.VehicleEventJson;
import io.gb32960.platform.common.kafka.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/** Publishes vehicle events to {@code gb32960.vehicle-events} as JSON, keyed by VIN; never blocks. */
public final class VehicleEventPublisher {

    private final KafkaSideSender kafka;
    private final VehicleEventJson json = new VehicleEventJson();
    private final String nodeId;
    private final Clock clock;
    private final Map<VehicleEvent.EventType, Counter> published = new EnumMap<>(VehicleEvent.EventType.class);

    public VehicleEventPublisher(KafkaSideSender kafka, String nodeId, Clock clock, MeterRegistry meters) {
        this.kafka = kafka;
        this.nodeId = nodeId;
        this.clock = clock;
        for (VehicleEvent.EventType type : VehicleEvent.EventType.values()) {
            published.put(type, meters.counter("gb32960.vehicle.events", "type", type.name()));
        }
    }

    public void publish(String vin, VehicleEvent.EventType type, VehicleEvent.OfflineReason reason, String remote) {
        publishFor(nodeId, vin, type, reason, remote);
    }

    /** An event that happened on {@code node} (e.g. a dead node's vehicles going offline, noticed here). */
    public void publishFor(String node, String vin, VehicleEvent.EventType type, VehicleEvent.OfflineReason reason,
                           String remote) {
        VehicleEvent event = new VehicleEvent(vin, type, reason, node, remote, clock.instant());
        published.get(type).increment();
        kafka.send(new ProducerRecord<>(Topics.VEHICLE_EVENTS, vin, json.toJson(event)));
    }
}
