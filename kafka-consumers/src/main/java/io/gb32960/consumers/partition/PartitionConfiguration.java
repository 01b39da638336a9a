package io.gb32960.consumers.partition;

import io.gb32960.consumers.config.ConsumersProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gb32960.consumers.partitions.enabled", havingValue = "true", matchIfMissing = true)
class PartitionConfiguration {

    @Bean
    PartitionMaintenance partitionMaintenance(DataSource dataSource, ConsumersProperties props, Clock clock) {
        return new PartitionMaintenance(dataSource, props.partitions(), clock);
    }
}
