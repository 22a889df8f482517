#!/usr/bin/env bash
# The purge benchmark (docs/benchmark.md, "Purge benchmark"): the webhook's p99 at 1,000 updates/s without and with
# the three-month purge (R30) deleting a million seeded rows.
#   bench/purge.sh [rows] [seconds]   defaults: 1000000 rows, 30 s per phase; about 4 minutes on 2 cores
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
seconds="${2:-30}"
mkdir -p target/bench
mvn -B -q -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test
# one JVM for the hub and the load generator, capped at 512 MB heap like bench/run.sh
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx512m -XX:+UseG1GC ${BENCH_JAVA_OPTS:-} \
    -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
    io.carehub.bench.PurgeBenchmark "$rows" "$seconds"
