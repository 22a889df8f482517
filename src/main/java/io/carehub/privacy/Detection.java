package io.carehub.privacy;

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

    int length() {
        return end - start;
    }

    Entity toEntity() {
        return new Entity(type, start, end, Math.round(score * 100) / 100.0);
    }
}
