package io.carehub.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A candidate or final finding inside the detector. {@code type == null} marks a span that is known
 * not to be personal data (the company's own hotline, a LAN address): it wins over weaker candidates
 * and is dropped from the result. {@code canonical} is set for known values, so every spelling of
 * one known value maps to one pseudonym.
 */
record Detection(EntityType type, int start, int end, double score, String canonical) {

    Detection(EntityType type, int start, int end, double score) {
        this(type, start, end, score, null);
    }

    static Detection notPersonal(int start, int end) {
        return new Detection(null, start, end, 0.97, null);
    }

    /**
     * {@code found} with each of {@code added} that overlaps none of them (nor an earlier added one), ordered by
     * start: the passes that add names in other scripts leave every finding the rules made as it is.
     */
    static List<Detection> addWhereFree(List<Detection> found, List<Detection> added) {
        if (added.isEmpty()) return found;
        List<Detection> result = new ArrayList<>(found);
        for (Detection a : added) {
            if (result.stream().noneMatch(d -> d.start() < a.end() && a.start() < d.end())) result.add(a);
        }
        result.sort(Comparator.comparingInt(Detection::start));
        return result;
    }

    int length() {
        return end - start;
    }

    Entity toEntity() {
        return new Entity(type, start, end, Math.round(score * 100) / 100.0);
    }
}
