package io.carehub.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time of the processes next to the hub's JVM that serve it: the PostgreSQL server processes (the
 * postmaster that serves a data directory, and its backends) and a standalone broker. Measured as the sum
 * of per-process CPU time deltas between {@link #start()} and {@link #coresSince}.
 */
final class ProcessCpu {

    private final Supplier<Stream<ProcessHandle>> processes;

    ProcessCpu(Supplier<Stream<ProcessHandle>> processes) {
        this.processes = processes;
    }

    /** The postmaster started with {@code -D dataDirectory}, and its backends. */
    static Stream<ProcessHandle> postgres(Path dataDirectory) {
        String directory = dataDirectory.toAbsolutePath().normalize().toString();
        return ProcessHandle.allProcesses()
                .filter(p ->
                        p.info().command().map(c -> c.endsWith("/postgres")).orElse(false)
                                && p.info()
                                        .commandLine()
                                        .map(c -> c.contains(directory))
                                        .orElse(false))
                .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()));
    }

    Map<Long, Long> start() {
        Map<Long, Long> cpu = new HashMap<>();
        processes.get().forEach(p -> cpu.put(p.pid(), cpuNanos(p)));
        return cpu;
    }

    /** Cores used since {@code start} over {@code wallNanos}: processes started since count in full. */
    double coresSince(Map<Long, Long> start, long wallNanos) {
        List<ProcessHandle> now = processes.get().toList();
        long used = now.stream()
                .mapToLong(p -> Math.max(0, cpuNanos(p) - start.getOrDefault(p.pid(), 0L)))
                .sum();
        return used / (double) wallNanos;
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
