package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.time.Year;
import java.util.List;
import java.util.Map;

/**
 * Dates of birth in the calendars and formats of customers from further away, each only with a birth word around it
 * as {@link BirthDateScanner} asks (or, for a Thai year, a Thai word or "BE" near it and a year far enough back):
 * Japanese eras ("平成13年9月17日", "昭和58年2月3日生まれ"), Thai months and Buddhist-era years ("เกิด 22 ก.ค. 2541",
 * "3 มีนาคม 2535", "15/01/2540"), Vietnamese ("sinh ngày 14 tháng 3 năm 1989", "sinh ngày 08/06/2003"), Korean
 * ("1994. 10. 21."), Ethiopian months ("መስከረም 10 1990") and a year alone before "geboren" ("sie ist 1938 geboren").
 * Each date is read from the tokens at one place: linear.
 */
final class CalendarDates implements Scanner {

    private static final double SCORE = BirthDateScanner.BIRTH_WORD_SCORE;

    /** Japanese eras and the Gregorian year of each one's first year. */
    private static final Map<String, Integer> ERAS = Map.of("明治", 1868, "大正", 1912, "昭和", 1926, "平成", 1989, "令和", 2019);

    /** Thai months, in full and abbreviated, by month. */
    private static final List<List<String>> THAI_MONTHS = List.of(
            List.of("มกราคม", "ม.ค."),
            List.of("กุมภาพันธ์", "ก.พ."),
            List.of("มีนาคม", "มี.ค."),
            List.of("เมษายน", "เม.ย."),
            List.of("พฤษภาคม", "พ.ค."),
            List.of("มิถุนายน", "มิ.ย."),
            List.of("กรกฎาคม", "ก.ค."),
            List.of("สิงหาคม", "ส.ค."),
            List.of("กันยายน", "ก.ย."),
            List.of("ตุลาคม", "ต.ค."),
            List.of("พฤศจิกายน", "พ.ย."),
            List.of("ธันวาคม", "ธ.ค."));

    /** Ethiopian months (thirteen: twelve of thirty days and Pagume), also as often spelled. */
    private static final List<List<String>> ETHIOPIAN_MONTHS = List.of(
            List.of("መስከረም"),
            List.of("ጥቅምት"),
            List.of("ኅዳር", "ህዳር"),
            List.of("ታኅሣሥ", "ታህሳስ", "ታኅሳስ"),
            List.of("ጥር"),
            List.of("የካቲት"),
            List.of("መጋቢት"),
            List.of("ሚያዝያ"),
            List.of("ግንቦት"),
            List.of("ሰኔ"),
            List.of("ሐምሌ", "ሀምሌ"),
            List.of("ነሐሴ", "ነሃሴ"),
            List.of("ጳጉሜ", "ጳጉሜን"));

    /** Years of the Buddhist era are 543 ahead. */
    private static final int BUDDHIST_ERA = 543;

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i < t.size(); i++) {
            Token a = t.get(i);
            int end = -1;
            int start = a.start();
            if (a.isWord()) {
                if (a.length() >= 2
                        && eraEnd(a.text())
                        && ERAS.containsKey(a.text().substring(a.length() - 2))) {
                    start = a.end() - 2;
                    end = japaneseEra(s, i);
                } else {
                    end = ethiopian(s, i);
                }
            } else if (a.length() <= 2) {
                end = thai(s, i);
                if (end < 0) end = vietnamese(s, i);
                if (end > 0) start = withNgay(s, i);
            } else if (a.length() == 4) {
                end = korean(s, i);
                if (end < 0) {
                    end = buddhistNumeric(s, i);
                    if (end > 0) start = t.get(i - 2).start();
                }
                if (end < 0) end = yearBeforeGeboren(s, i);
            }
            if (end < 0) {
                if (a.isNumber() && a.length() <= 2) vietnameseNumeric(s, i, out);
                continue;
            }
            if (birth(s, start, end) || thaiYear(s, i, start)) {
                out.add(new Detection(EntityType.DATE_OF_BIRTH, start, end, SCORE));
                i = s.tokenAtOrAfter(end) - 1;
            }
        }
    }

    /** "平成13年9月17日": era, year of the era, month and day, each with its sign. */
    private static int japaneseEra(TextScan s, int i) {
        List<Token> t = s.tokens;
        if (i + 6 >= t.size()) return -1;
        String[] signs = {"年", "月", "日"};
        for (int k = 0; k < 3; k++) {
            Token n = t.get(i + 1 + 2 * k);
            Token sign = t.get(i + 2 + 2 * k);
            if (!n.isNumber() || n.length() > 2 || n.start() != t.get(i + 2 * k).end()) return -1;
            if (!sign.text().startsWith(signs[k]) || sign.start() != n.end() || k < 2 && sign.length() != 1) return -1;
        }
        Token era = t.get(i);
        int year = ERAS.get(era.text().substring(era.length() - 2)) + number(t.get(i + 1)) - 1;
        return Dates.valid(number(t.get(i + 5)), number(t.get(i + 3)), year)
                ? t.get(i + 6).start() + 1
                : -1;
    }

    /** "22 ก.ค. 2541", "3 มีนาคม 2535", "5 ธ.ค. พ.ศ. 2530": day, Thai month, year of the Buddhist or common era. */
    private static int thai(TextScan s, int i) {
        Token day = s.tokens.get(i);
        int p = blanksFrom(s, day.end());
        if (!thaiScript(s.at(p))) return -1; // every Thai month's name starts with a Thai letter
        MonthName month = monthAt(s, p, THAI_MONTHS);
        if (month == null) return -1;
        p = blanksFrom(s, month.end());
        if (s.cleaned().startsWith("พ.ศ.", p)) p = blanksFrom(s, p + 4);
        int k = s.tokenAtOrAfter(p);
        if (k >= s.tokens.size() || s.tokens.get(k).start() != p) return -1;
        Token y = s.tokens.get(k);
        if (!y.isNumber() || y.length() != 4) return -1;
        int year = number(y) > 2400 ? number(y) - BUDDHIST_ERA : number(y);
        return Dates.valid(number(day), month.month(), year) ? y.end() : -1;
    }

    /** "14 tháng 3 năm 1989": day, "month" and its number, "year" and its number. */
    private static int vietnamese(TextScan s, int i) {
        List<Token> t = s.tokens;
        if (i + 4 >= t.size()) return -1;
        if (!t.get(i + 1).folded().equals("thang") || !t.get(i + 3).folded().equals("nam")) return -1;
        Token m = t.get(i + 2);
        Token y = t.get(i + 4);
        if (!m.isNumber() || m.length() > 2 || !y.isNumber() || y.length() != 4) return -1;
        return Dates.valid(number(t.get(i)), number(m), number(y)) ? y.end() : -1;
    }

    /** "sinh ngày 08/06/2003": the date found by {@link BirthDateScanner}, with "ngày" ("day") before it. */
    private static void vietnameseNumeric(TextScan s, int i, List<Detection> out) {
        List<Token> t = s.tokens;
        if (i < 2 || i + 2 >= t.size() || !t.get(i - 1).folded().equals("ngay")) return;
        if (!t.get(i - 2).folded().equals("sinh")) return;
        Token m = t.get(i + 1);
        Token y = t.get(i + 2);
        char sep = s.at(t.get(i).end());
        if (sep != '/' && sep != '.' && sep != '-' || s.at(m.end()) != sep) return;
        if (m.start() != t.get(i).end() + 1 || y.start() != m.end() + 1 || !m.isNumber() || !y.isNumber()) return;
        if (m.length() > 2 || y.length() != 4 || !Dates.valid(number(t.get(i)), number(m), number(y))) return;
        out.add(new Detection(EntityType.DATE_OF_BIRTH, t.get(i - 1).start(), y.end(), SCORE));
    }

    /** "ngày 14 tháng 3 năm 1989": "day" belongs to the date. */
    private static int withNgay(TextScan s, int i) {
        List<Token> t = s.tokens;
        return i > 0
                        && t.get(i - 1).folded().equals("ngay")
                        && t.get(i).start() - t.get(i - 1).end() == 1
                ? t.get(i - 1).start()
                : t.get(i).start();
    }

    /** "1994. 10. 21.": year, month and day, each with its dot, a space between. */
    private static int korean(TextScan s, int i) {
        List<Token> t = s.tokens;
        if (i + 2 >= t.size()) return -1;
        Token m = t.get(i + 1);
        Token d = t.get(i + 2);
        if (!m.isNumber() || !d.isNumber() || m.length() > 2 || d.length() > 2) return -1;
        if (!spacedDot(s, t.get(i).end(), m.start()) || !spacedDot(s, m.end(), d.start())) return -1;
        if (!Dates.valid(number(d), number(m), number(t.get(i)))) return -1;
        return s.at(d.end()) == '.' ? d.end() + 1 : d.end();
    }

    /** "15/01/2540" as its Thai writer means it: day, month and a year of the Buddhist era. */
    private static int buddhistNumeric(TextScan s, int i) {
        List<Token> t = s.tokens;
        if (i < 2) return -1;
        Token d = t.get(i - 2);
        Token m = t.get(i - 1);
        Token y = t.get(i);
        if (!d.isNumber() || !m.isNumber() || d.length() > 2 || m.length() > 2) return -1;
        char sep = s.at(d.end());
        if (sep != '/' && sep != '.' && sep != '-' || s.at(m.end()) != sep) return -1;
        if (m.start() != d.end() + 1 || y.start() != m.end() + 1) return -1;
        int year = number(y) - BUDDHIST_ERA;
        return number(y) > 2400 && Dates.valid(number(d), number(m), year) ? y.end() : -1;
    }

    /** "sie ist 1938 geboren": a year alone, right before "geboren" or "born". */
    private static int yearBeforeGeboren(TextScan s, int i) {
        List<Token> t = s.tokens;
        if (i == 0 || i + 1 >= t.size() || !t.get(i - 1).isWord()) return -1;
        Token y = t.get(i);
        String next = t.get(i + 1).folded();
        if (!next.equals("geboren") && !next.equals("born")) return -1;
        if (y.start() - t.get(i - 1).end() != 1 || t.get(i + 1).start() - y.end() != 1) return -1;
        int year = number(y);
        return year >= 1900 && year <= Year.now().getValue() - BirthDateScanner.ADULT_YEARS ? y.end() : -1;
    }

    /** "መስከረም 10 1990", "10 መስከረም 1990": an Ethiopian month, the day and the year of that calendar. */
    private static int ethiopian(TextScan s, int i) {
        List<Token> t = s.tokens;
        if (i + 2 >= t.size()) return -1;
        Token d = t.get(i + 1);
        Token y = t.get(i + 2);
        // the day and year first: the month names are looked up for the few words followed by both
        if (!d.isNumber() || d.length() > 2 || !y.isNumber() || y.length() != 4) return -1;
        int month = monthOf(t.get(i).text(), ETHIOPIAN_MONTHS);
        if (month == 0) return -1;
        if (!s.onlyBetween(t.get(i).end(), d.start(), "") || !s.onlyBetween(d.end(), y.start(), ",")) return -1;
        int day = number(d);
        int year = number(y);
        boolean valid = day >= 1
                && day <= (month == 13 ? 6 : 30)
                && year >= 1890
                && year <= Year.now().getValue();
        return valid ? y.end() : -1;
    }

    private static boolean thaiScript(char ch) {
        return ch >= '\u0E00' && ch <= '\u0E7F';
    }

    /** A birth word around the date, or "生まれ" ("born") right after it. */
    private static boolean birth(TextScan s, int start, int end) {
        return Context.birthAround(s, start, end) || s.cleaned().startsWith("生まれ", end);
    }

    /** A Buddhist-era year far enough back, with Thai script or "BE" among the few words before it. */
    private static boolean thaiYear(TextScan s, int i, int start) {
        Token y = s.tokens.get(i);
        if (!y.isNumber() || y.length() != 4 || number(y) < 2400) return false;
        if (!BirthDateScanner.adultsYear(s, start, number(y) - BUDDHIST_ERA)) return false;
        return Context.anyBefore(
                s, start, 4, 30, w -> w.equals("be") || w.charAt(0) >= '\u0E00' && w.charAt(0) <= '\u0E7F');
    }

    /** A month's number and where its name ends in the text. */
    private record MonthName(int month, int end) {}

    /** The month whose name starts at {@code p}, or null. */
    private static MonthName monthAt(TextScan s, int p, List<List<String>> months) {
        String text = s.cleaned();
        for (int m = 0; m < months.size(); m++) {
            for (String name : months.get(m)) {
                if (text.startsWith(name, p)) return new MonthName(m + 1, p + name.length());
            }
        }
        return null;
    }

    private static int monthOf(String word, List<List<String>> months) {
        for (int m = 0; m < months.size(); m++) {
            if (months.get(m).contains(word)) return m + 1;
        }
        return 0;
    }

    private static int blanksFrom(TextScan s, int p) {
        while (p < s.length() && s.at(p) == ' ') p++;
        return p;
    }

    private static boolean spacedDot(TextScan s, int from, int to) {
        return to - from == 2 && s.at(from) == '.' && s.at(from + 1) == ' ';
    }

    private static int number(Token n) {
        return n.length() <= 9 ? Integer.parseInt(n.text()) : -1;
    }

    /** A word ending in an era's second char (明治, 大正, 昭和, 平成, 令和): only then is its ending looked up. */
    private static boolean eraEnd(String word) {
        char last = word.charAt(word.length() - 1);
        return last == '治' || last == '正' || last == '和' || last == '成';
    }
}
