package io.carehub.privacy;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput and linearity of {@link PiiDetector}: messages/s on one core (one thread) for chat
 * messages of ~120 chars built from the labelled corpus, bytes allocated per message, and time per
 * char for 10 kB … 3 MB messages (flat ns/char = linear; 3 MB is beyond the analyze API's 1 MB limit, so a
 * super-linear step shows before it reaches the API's sizes). Not a test; run it with the command in
 * docs/privacy-evaluation.md. Arguments: seconds to measure (default 10).
 */
public final class PrivacyBenchmark {

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        PiiDetector detector = new PiiDetector(PrivacyEvaluation.COMPANY_NUMBERS, "DE");
        List<String> messages = chatMessages();
        double avgLength = messages.stream().mapToInt(String::length).average().orElse(0);

        run(detector, messages, Math.max(2, seconds / 2)); // warm-up: JIT
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long count = run(detector, messages, seconds);
        long elapsed = System.nanoTime() - t0;
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;

        double perSecond = count / (elapsed / 1e9);
        System.out.printf(
                Locale.ROOT,
                "%nPII detection, one thread (= per core), %d distinct messages, avg %.0f chars%n",
                messages.size(),
                avgLength);
        System.out.printf(Locale.ROOT, "%-28s %14s%n", "metric", "value");
        System.out.printf(Locale.ROOT, "%-28s %,14.0f%n", "messages/s per core", perSecond);
        System.out.printf(Locale.ROOT, "%-28s %,14.1f%n", "µs per message", 1e6 / perSecond);
        // on a loaded machine wall-clock time includes waiting for a core; the thread's CPU time does not
        System.out.printf(Locale.ROOT, "%-28s %,14.0f%n", "messages per CPU second", count / (cpu / 1e9));
        System.out.printf(Locale.ROOT, "%-28s %,14.0f%n", "bytes allocated per message", (double) allocated / count);
        System.out.printf(Locale.ROOT, "%-28s %,14.0f%n", "allocation rate MB/s", allocated / 1e6 / (elapsed / 1e9));

        System.out.printf(
                Locale.ROOT,
                "%nlinearity (one message of n chars)%n%-12s %14s %12s %16s%n",
                "chars",
                "ms/message",
                "ns/char",
                "CPU ns/char");
        String filler = String.join(" ", messages);
        for (int size : new int[] {10_000, 100_000, 1_000_000, 3_000_000}) {
            StringBuilder b = new StringBuilder(size + filler.length());
            while (b.length() < size) b.append(filler).append(' ');
            String text = b.substring(0, size);
            detector.detect(text);
            int reps = 0;
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            do {
                detector.detect(text);
                reps++;
            } while (System.nanoTime() - start < 2_000_000_000L);
            double ns = (System.nanoTime() - start) / (double) reps;
            double cpuNs = (threads.getCurrentThreadCpuTime() - cpuStart) / (double) reps;
            System.out.printf(Locale.ROOT, "%-12d %14.2f %12.1f %16.1f%n", size, ns / 1e6, ns / size, cpuNs / size);
        }
    }

    private static long run(PiiDetector detector, List<String> messages, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long count = 0;
        int found = 0;
        while (System.nanoTime() < deadline) {
            for (String m : messages) found += detector.detect(m).size();
            count += messages.size();
        }
        if (found < 0) System.out.println(found);
        return count;
    }

    /** Corpus messages joined to typical chat length (~120 chars). */
    static List<String> chatMessages() {
        List<String> result = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (LabelledCorpus.Message m : LabelledCorpus.load().messages()) {
            if (b.length() > 0) b.append(' ');
            b.append(m.text());
            if (b.length() >= 100) {
                result.add(b.toString());
                b.setLength(0);
            }
        }
        return result;
    }
}
