package io.carehub.documentation;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Text as PostgreSQL stores it, for the owners that write webhook text: one NUL in a wamid, type, media
 * field or rejection reason made the update a poison message that blocked its customer's group for the
 * whole redelivery schedule, and a lone surrogate in a wamid made a batch miss its own row.
 */
final class StorableText {

    private static final Pattern NUL_ESCAPE = Pattern.compile("(?<!\\\\)\\\\u0000");

    private StorableText() {}

    /**
     * The text as PostgreSQL stores it: text and jsonb cannot hold NUL, so it is dropped; a lone UTF-16
     * surrogate (invalid in UTF-8) becomes U+FFFD. The rest of the text is kept. Values compared with
     * what the database returns (a batch's wamids) must go through here too, or they would not match.
     */
    static String of(String text) {
        if (text == null || plain(text)) {
            return text;
        }
        String withoutNul = NUL_ESCAPE.matcher(text.replace("\u0000", "")).replaceAll("");
        // codePoints() yields a lone surrogate as itself, a valid pair as one supplementary code point
        return withoutNul.codePoints().anyMatch(StorableText::loneSurrogate)
                ? withoutNul
                        .codePoints()
                        .map(c -> loneSurrogate(c) ? 0xFFFD : c)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString()
                : withoutNul;
    }

    /** Named parameters whose text values (single or arrays) are made storable as they are added. */
    static MapSqlParameterSource params() {
        return new MapSqlParameterSource() {
            @Override
            public MapSqlParameterSource addValue(String name, Object value) {
                if (value instanceof String text) {
                    return super.addValue(name, of(text));
                }
                if (value instanceof String[] texts) {
                    return super.addValue(
                            name, Arrays.stream(texts).map(StorableText::of).toArray(String[]::new));
                }
                return super.addValue(name, value);
            }
        };
    }

    /** Nearly every text: no NUL, no escaped NUL, no surrogate — stored as it is (one scan, no regex). */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || c == '\\' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean loneSurrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }
}
