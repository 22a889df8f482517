package io.carehub.privacy;

/**
 * One piece of personal data found in a text.
 *
 * @param start index of the first char, as a Java {@code String} (UTF-16 code unit) index
 * @param end   index after the last char (exclusive), UTF-16 code units, so {@code text.substring(start, end)} is the value
 * @param score confidence between 0 and 1 (checksum-validated and known values score highest)
 */
public record Entity(EntityType type, int start, int end, double score) {}
