package io.carehub.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An ADDRESS finding grown to a new end over the weaker findings inside the part it takes in: the town's qualifier
 * ({@link CityQualifiers}) or an address's tail abroad ({@link AddressTails}). A finding inside that may not be
 * swallowed keeps the address as it was. One left-to-right pass over the findings.
 */
record AddressExtension(int end, Predicate<Detection> swallows) {

    /**
     * {@code found} ordered by start and non-overlapping; {@code extension} gives an address its new end and what it may
     * swallow, or null to leave it.
     */
    static List<Detection> apply(List<Detection> found, Function<Detection, AddressExtension> extension) {
        List<Detection> out = null;
        for (int d = 0; d < found.size(); d++) {
            Detection a = found.get(d);
            AddressExtension x = a.type() == EntityType.ADDRESS ? extension.apply(a) : null;
            if (x != null && x.end() > a.end()) {
                int next = d + 1;
                while (next < found.size()
                        && found.get(next).end() <= x.end()
                        && x.swallows().test(found.get(next))) next++;
                if (next >= found.size() || found.get(next).start() >= x.end()) { // else a finding inside stays
                    if (out == null) out = new ArrayList<>(found.subList(0, d));
                    out.add(new Detection(EntityType.ADDRESS, a.start(), x.end(), a.score(), a.canonical()));
                    d = next - 1;
                    continue;
                }
            }
            if (out != null) out.add(a);
        }
        return out == null ? found : out;
    }
}
