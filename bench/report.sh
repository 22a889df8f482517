#!/usr/bin/env bash
# Writes the latest benchmark numbers into docs/benchmark.md (docs/benchmark.md, "Latest run"): reads
# target/bench/results.json, which bench/run.sh writes, and replaces the section between <!-- bench:begin -->
# and <!-- bench:end --> with tables of carehub against the targets, the baseline and the limits.
#   bench/report.sh [results.json [benchmark.md]]
set -euo pipefail
cd "$(dirname "$0")/.."
results="${1:-target/bench/results.json}"
doc="${2:-docs/benchmark.md}"
[ -f "$results" ] || { echo "no $results: run bench/run.sh first" >&2; exit 2; }

mkdir -p target/bench
mvn -B -q -Dstyle.color=never -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
    io.carehub.bench.BenchReport "$results" "$doc"
