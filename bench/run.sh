#!/usr/bin/env bash
# The hub benchmark (docs/benchmark.md): carehub, a naive Camel baseline and the raw limits, side by side.
#   bench/run.sh [--short|--full]   short ≈ 4 minutes, full ≈ 15 minutes; results in target/bench/results.json
#   bench/report.sh                 writes the tables of the latest results into docs/benchmark.md
# BENCH_JAVA_OPTS adds JVM options, e.g. BENCH_JAVA_OPTS="-XX:StartFlightRecording=filename=target/bench/hub.jfr"
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:---short}"
case "$mode" in --short|--full) ;; *) echo "usage: bench/run.sh [--short|--full]" >&2; exit 2 ;; esac

mkdir -p target/bench
# the classes, their class path and the standalone Artemis distribution (target/apache-artemis-*)
mvn -B -q -DskipTests test-compile dependency:unpack@unpack-standalone-artemis dependency:build-classpath \
    -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test
# one JVM for hub, baseline, limits and load generator, capped at 512 MB heap (PRODUCT.md §4); the standalone
# variant's broker and PostgreSQL are processes of their own
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx512m -XX:+UseG1GC ${BENCH_JAVA_OPTS:-} \
    -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
    io.carehub.bench.HubBenchmark "$mode"
