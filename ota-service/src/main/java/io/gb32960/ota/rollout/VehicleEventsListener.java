package io.gb32960.ota.rollout;

import io.gb32960.platform.common.event.VehicleEvent;
import io.gb32960.platform.common.event.VehicleEventJson;
import io.gb32960.platform.common.kafka.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Vehicle events ({@code gb32960.vehicle-events}): a vehicle that logs in gets its pending upgrade
 * (and, if it downloaded, its version query) at the next tick instead of after the offline recheck.
 */
@Component
class VehicleEventsListener {

    private static final Logger log = LoggerFactory.getLogger(VehicleEventsListener.class);

    private final RolloutTracker tracker;
    private final VehicleEventJson json = new VehicleEventJson();

    VehicleEventsListener(RolloutTracker tracker) {
        this.tracker = tracker;
    }

    @KafkaListener(id = "ota-vehicle-events", topics = Topics.VEHICLE_EVENTS,
            groupId = "${gb32960.ota.rollout.consumer-group:ota-service}",
            autoStartup = "${gb32960.ota.rollout.listen-vehicle-events:true}",
            properties = {"key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
                "auto.offset.reset=latest"})
    void onEvent(ConsumerRecord<String, byte[]> record) {
        VehicleEvent event;
        try {
            event = json.fromJson(record.value());
        } catch (RuntimeException e) {
            log.warn("unreadable vehicle event at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.toString());
            return;
        }
        if (event.type() == VehicleEvent.EventType.LOGIN || event.type() == VehicleEvent.EventType.ONLINE) {
            tracker.online(event.vin());
        }
    }
}
