package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Chinese addresses (ADDRESS): city, district and street run together in Han script, then the house number with
 * "号" and perhaps a room or floor ("上海市浦东新区张杨路 1688 号 12 室", "北京市海淀区中关村大街27号"). The street word
 * ("路", "街", "道", "巷", "弄") right before the number, and "号" right after it, say it is an address; words before
 * the place inside the same run ("我住在", "地址是") are left out. Linear: each Han run is looked at once.
 */
final class HanAddresses implements Scanner {

    /** Last characters of a street's name: road, street, avenue, lane. */
    private static final String STREET_ENDINGS = "路街道巷弄";

    /** Words inside a run after which the place begins: "address (is)", "live in", "send to", "move to". */
    private static final List<String> BEFORE_PLACE =
            List.of("地址是", "地址", "住址", "住在", "我在", "位于", "寄到", "寄往", "送到", "搬到", "发到");

    /** What may follow the house number: room, floor, unit, building. */
    private static final String ROOM = "室楼层单栋";

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return;
        List<Token> t = s.tokens;
        for (int i = 0; i + 2 < t.size(); i++) {
            Token street = t.get(i);
            if (!street.isWord() || !HanNames.isHan(street.text().charAt(0))) continue;
            String w = street.text();
            if (w.length() < 3 || STREET_ENDINGS.indexOf(w.charAt(w.length() - 1)) < 0) continue;
            if (Chars.isDigit(s.at(street.start() - 1))) continue; // "3号线路 12 号站": a line's number, no street
            int end = numberWithSign(s, i + 1, "号");
            if (end < 0) continue;
            int room = numberWithSign(s, s.tokenAtOrAfter(end), ROOM);
            if (room > 0) end = room;
            int from = placeStart(w);
            if (w.length() - from < 3) continue;
            out.add(new Detection(EntityType.ADDRESS, street.start() + from, end, 0.85));
            i = s.tokenAtOrAfter(end) - 1;
        }
    }

    /** "1688 号", "27号", "12 室": a number of at most five digits, blanks only, then one of {@code signs}; its end. */
    private static int numberWithSign(TextScan s, int k, String signs) {
        List<Token> t = s.tokens;
        if (k + 1 >= t.size()) return -1;
        Token n = t.get(k);
        Token sign = t.get(k + 1);
        if (!n.isNumber()
                || n.length() > 5
                || !sign.isWord()
                || signs.indexOf(sign.text().charAt(0)) < 0) return -1;
        if (k > 0 && !s.onlyBetween(t.get(k - 1).end(), n.start(), " ")) return -1;
        if (!s.onlyBetween(n.end(), sign.start(), " ")) return -1;
        return sign.start() + 1;
    }

    /** Where the place begins in the run: after the last word that says one follows, else at its start. */
    private static int placeStart(String w) {
        int from = 0;
        for (String before : BEFORE_PLACE) {
            int p = w.lastIndexOf(before);
            if (p >= 0 && p + before.length() > from) from = p + before.length();
        }
        return from;
    }
}
