package io.gb32960.benchmarks.load;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** A Redisson client of the benchmark's Redis, for what goes through the platform's own classes (gateway, registry). */
final class RedisClients {

    private RedisClients() {
    }

    static RedissonClient connect(LoadBenchmark.Common o) {
        Config config = new Config();
        config.useSingleServer().setAddress("redis://" + o.redisHost() + ":" + o.redisPort());
        return Redisson.create(config);
    }
}
