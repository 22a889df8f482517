package io.carehub.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.carehub.privacy.TextScan.Token;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the legitimated customer's known values (R15, R25) in any casing, spacing or with a small
 * misspelling. Names and address words are compared token by token ({@link Fuzzy}); numbers,
 * e-mail and ids are searched in an alphanumeric projection of the text (separators and case
 * removed), exactly or, from eight chars on, with one wrong char.
 */
final class KnownValueMatcher {

    private final String region;

    KnownValueMatcher(String region) {
        this.region = region;
    }

    void match(TextScan s, KnownValues known, List<Detection> out) {
        Projection projection = null;
        for (Map.Entry<EntityType, List<String>> entry : known.values().entrySet()) {
            EntityType type = entry.getKey();
            for (String value : entry.getValue()) {
                String canonical = Canonical.of(type, value, region);
                if (type == EntityType.PERSON) {
                    words(s, type, Canonical.nameTokens(value), canonical, out);
                } else if (type == EntityType.ADDRESS) {
                    address(s, value, canonical, out);
                } else {
                    if (projection == null) projection = new Projection(s);
                    for (String key : keys(type, value)) {
                        projection.find(key, type, canonical, out);
                    }
                }
            }
        }
    }

    /** Search keys for a value: its alphanumeric form plus the spellings people use for it. */
    private Set<String> keys(EntityType type, String value) {
        Set<String> keys = new LinkedHashSet<>();
        String alnum = Folding.fold(Canonical.alnum(value));
        if (alnum.length() >= 4) keys.add(alnum);
        switch (type) {
            case PHONE -> {
                try {
                    var number = PhoneNumberUtil.getInstance().parse(value, region);
                    keys.add(PhoneNumberUtil.getInstance().getNationalSignificantNumber(number));
                } catch (NumberParseException e) {
                    // keep the plain digits
                }
            }
            case CUSTOMER_ID, OTHER_ID -> {
                String digits = TextScan.digitsOf(value);
                if (digits.length() >= 6) keys.add(digits);
            }
            case DATE_OF_BIRTH -> {
                LocalDate d = Canonical.date(value);
                if (d != null) {
                    String dd = String.format("%02d", d.getDayOfMonth());
                    String mm = String.format("%02d", d.getMonthValue());
                    String yyyy = Integer.toString(d.getYear());
                    keys.add(dd + mm + yyyy);
                    keys.add(d.getDayOfMonth() + "" + d.getMonthValue() + yyyy);
                    keys.add(dd + mm + yyyy.substring(2));
                    keys.add(yyyy + mm + dd);
                }
            }
            default -> {}
        }
        keys.removeIf(k -> k.length() < 4);
        return keys;
    }

    private static void words(TextScan s, EntityType type, List<String> wanted, String canonical, List<Detection> out) {
        if (wanted.isEmpty()) return;
        String joined = String.join("", wanted);
        for (Token token : s.tokens) {
            if (!token.isWord()) continue;
            String f = token.folded();
            int apostrophe = f.indexOf('\'');
            if (apostrophe > 0) f = f.substring(0, apostrophe);
            String form = type == EntityType.ADDRESS ? Canonical.streetForm(f) : f;
            boolean hit = wanted.size() > 1 && Fuzzy.similar(form, joined);
            for (int k = 0; k < wanted.size() && !hit; k++) {
                String w = wanted.get(k);
                if (w.length() >= 2 && Fuzzy.similar(form, w)) hit = true;
            }
            if (hit) out.add(new Detection(type, token.start(), token.end(), 1.0, canonical));
        }
    }

    private static void address(TextScan s, String value, String canonical, List<Detection> out) {
        List<String> parts = Canonical.addressTokens(value);
        List<String> words = new ArrayList<>();
        Set<String> numbers = new LinkedHashSet<>();
        for (String part : parts) {
            if (part.chars().allMatch(Character::isDigit) || Character.isDigit(part.charAt(0))) numbers.add(part);
            else if (part.length() >= 3
                    && !Set.of("str", "weg", "am", "an", "der", "den", "im").contains(part)) words.add(part);
        }
        List<Detection> found = new ArrayList<>();
        words(s, EntityType.ADDRESS, words, canonical, found);
        for (Token token : s.tokens) {
            if (token.isNumber() && token.length() >= 4 && numbers.contains(token.text())) {
                found.add(new Detection(EntityType.ADDRESS, token.start(), token.end(), 1.0, canonical));
            }
        }
        // a house number right after a matched street word
        List<Detection> withNumbers = new ArrayList<>();
        for (Detection d : found) {
            int k = s.tokenAtOrAfter(d.end());
            int end = d.end();
            if (k < s.tokens.size()
                    && s.tokens.get(k).isNumber()
                    && s.tokens.get(k).start() - d.end() <= 2
                    && numbers.stream()
                            .anyMatch(n -> n.startsWith(s.tokens.get(k).text()))) {
                end = s.tokens.get(k).end();
                if (k + 1 < s.tokens.size()
                        && s.tokens.get(k + 1).isWord()
                        && s.tokens.get(k + 1).length() == 1
                        && s.tokens.get(k + 1).start() == end) {
                    end = s.tokens.get(k + 1).end();
                }
            }
            withNumbers.add(new Detection(EntityType.ADDRESS, d.start(), end, 1.0, canonical));
        }
        out.addAll(withNumbers);
    }

    /** Letters and digits of the text, folded, with the index of each in the original. */
    private static final class Projection {
        final String chars;
        final int[] index;
        final char[] text;

        Projection(TextScan s) {
            text = s.c;
            StringBuilder b = new StringBuilder(s.length());
            int[] idx = new int[s.length() * 2 + 1];
            for (int i = 0; i < s.length(); i++) {
                char ch = s.c[i];
                if (!Character.isLetterOrDigit(ch)) continue;
                String folded = Folding.fold(String.valueOf(ch));
                for (int k = 0; k < folded.length(); k++) {
                    idx[b.length()] = i;
                    b.append(folded.charAt(k));
                }
            }
            chars = b.toString();
            index = idx;
        }

        void find(String key, EntityType type, String canonical, List<Detection> out) {
            boolean any = false;
            for (int at = chars.indexOf(key); at >= 0; at = chars.indexOf(key, at + 1)) {
                add(at, at + key.length(), type, canonical, out);
                any = true;
            }
            if (any || key.length() < 8) return;
            // one wrong char (a typo in a long number)
            int n = chars.length() - key.length();
            for (int at = 0; at <= n; at++) {
                int wrong = 0;
                for (int k = 0; k < key.length() && wrong <= 1; k++) {
                    if (chars.charAt(at + k) != key.charAt(k)) wrong++;
                }
                if (wrong <= 1) {
                    add(at, at + key.length(), type, canonical, out);
                    at += key.length() - 1;
                }
            }
        }

        private void add(int from, int to, EntityType type, String canonical, List<Detection> out) {
            int start = index[from];
            int end = index[to - 1] + 1;
            if (type == EntityType.PHONE) {
                // take the prefix the number was written with: +49, 0049, 0, (0)
                int p = from;
                String before = chars.substring(Math.max(0, p - 4), p);
                if (before.endsWith("490")) p -= 3;
                else if (before.endsWith("0049")) p -= 4;
                else if (before.endsWith("49")) p -= 2;
                else if (before.endsWith("0")) p -= 1;
                start = index[p];
                while (start > 0 && (text[start - 1] == '+' || text[start - 1] == '(')) start--; // "+49", "(0"
            }
            out.add(new Detection(type, start, end, 1.0, canonical));
        }
    }
}
