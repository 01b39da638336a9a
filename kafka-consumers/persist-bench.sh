#!/usr/bin/env bash
# The persistence benchmark (docs/benchmarks.md, "kafka-consumers"):
#   kafka-consumers/persist-bench.sh [format] [throughput] [latency] [key=value ...]
# e.g. kafka-consumers/persist-bench.sh throughput latency quietWait=60
# Options and modes: io.gb32960.consumers.bench.PersistBenchmark. BENCH_JVM overrides the JVM options.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -B -pl kafka-consumers -am test-compile -Ppersist-bench
cd kafka-consumers
exec java ${BENCH_JVM:--Xms1g -Xmx2g -XX:+UseParallelGC} \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.gb32960.consumers.bench.PersistBenchmark "$@"
