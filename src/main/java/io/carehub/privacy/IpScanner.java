package io.carehub.privacy;

import java.util.List;

/**
 * IPv4 and IPv6 addresses (IP). Private, loopback, link-local, multicast and public-resolver
 * addresses are marked as not personal, so their digits are not taken for a phone number.
 */
final class IpScanner implements Scanner {

    @Override
    public void scan(TextScan s, List<Detection> out) {
        char[] c = s.c;
        for (int i = 0; i < c.length; i++) {
            char ch = c[i];
            boolean boundary = i == 0 || !(Chars.isAlnum(c[i - 1]) || c[i - 1] == '.' || c[i - 1] == ':');
            if (!boundary) continue;
            if (Chars.isDigit(ch)) {
                int end = ipv4(c, i, out);
                if (end > i) {
                    i = end - 1;
                    continue;
                }
            }
            if ((hex(ch) || ch == ':') && colonWithinGroup(c, i)) {
                int end = ipv6(c, i, out);
                if (end > i) i = end - 1;
            }
        }
    }

    private static int ipv4(char[] c, int from, List<Detection> out) {
        int[] octets = new int[4];
        int j = from;
        for (int k = 0; k < 4; k++) {
            int start = j;
            int v = 0;
            while (j < c.length && Chars.isDigit(c[j]) && j - start < 3) v = v * 10 + (c[j++] - '0');
            if (j == start || v > 255) return -1;
            octets[k] = v;
            if (k < 3) {
                if (j >= c.length || c[j] != '.') return -1;
                j++;
            }
        }
        if (j < c.length && (Chars.isAlnum(c[j]) || (c[j] == '.' && j + 1 < c.length && Chars.isDigit(c[j + 1]))))
            return -1;
        if (!personal(octets)) {
            out.add(Detection.notPersonal(from, j));
            return j;
        }
        j = withPrefixLength(c, j, 32);
        out.add(new Detection(EntityType.IP, from, j, 0.9));
        return j;
    }

    /** Not a private, loopback, link-local, shared, multicast range nor a public resolver. */
    static boolean personal(int[] octets) {
        return !(octets[0] == 10
                || octets[0] == 127
                || octets[0] == 0
                || octets[0] == 192 && octets[1] == 168
                || octets[0] == 172 && octets[1] >= 16 && octets[1] <= 31
                || octets[0] == 169 && octets[1] == 254
                || octets[0] == 100 && octets[1] >= 64 && octets[1] <= 127
                || octets[0] >= 224
                || publicResolver(octets));
    }

    private static boolean publicResolver(int[] o) {
        return o[0] == 8 && o[1] == 8 && (o[2] == 8 && o[3] == 8 || o[2] == 4 && o[3] == 4)
                || o[0] == 1 && o[1] == 1 && o[2] == 1 && o[3] == 1
                || o[0] == 1 && o[1] == 0 && o[2] == 0 && o[3] == 1
                || o[0] == 9 && o[1] == 9 && o[2] == 9 && o[3] == 9;
    }

    /**
     * "2003:e4:af12:6b00::/56", "85.214.33.8/29": the length of a network prefix (CIDR) belongs to the address;
     * {@code end} past it, or unchanged when no slash and a length up to {@code max} follow.
     */
    static int withPrefixLength(char[] c, int end, int max) {
        if (end >= c.length || c[end] != '/') return end;
        int j = end + 1;
        int v = 0;
        while (j < c.length && Chars.isDigit(c[j]) && j - end <= 3) v = v * 10 + (c[j++] - '0');
        if (j == end + 1 || j - end > 4 || v > max) return end;
        if (j < c.length
                && (Chars.isAlnum(c[j]) || c[j] == '/' || c[j] == '.' && j + 1 < c.length && Chars.isDigit(c[j + 1])))
            return end;
        return j;
    }

    private static boolean hex(char ch) {
        return Chars.isDigit(ch) || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
    }

    /**
     * A colon after at most four hex digits, as every IPv6 address has one: words that merely start with a to f
     * ("das", "bei", "fahre") are done without {@link #ipv6}.
     */
    private static boolean colonWithinGroup(char[] c, int from) {
        for (int k = from; k < c.length && k - from <= 4; k++) {
            if (c[k] == ':') return true;
            if (!hex(c[k])) return false;
        }
        return false;
    }

    /** Google's, Cloudflare's, Quad9's and OpenDNS's resolvers, as they are written: the IPv6 twins of 8.8.8.8. */
    private static final java.util.Set<String> PUBLIC_RESOLVERS_V6 = java.util.Set.of(
            "2001:4860:4860::8888",
            "2001:4860:4860::8844",
            "2606:4700:4700::1111",
            "2606:4700:4700::1001",
            "2620:fe::fe",
            "2620:fe::9",
            "2620:119:35::35",
            "2620:119:53::53");

    private static int ipv6(char[] c, int from, List<Detection> out) {
        int j = from;
        int groups = 0;
        int colons = 0;
        int doubleColons = 0;
        int groupLen = 0;
        boolean bigGroup = false;
        while (j < c.length && j - from < 45 && (hex(c[j]) || c[j] == ':')) {
            if (c[j] == ':') {
                if (groupLen > 0) groups++;
                if (j + 1 < c.length && c[j + 1] == ':') {
                    doubleColons++;
                    colons++;
                    j++;
                }
                colons++;
                groupLen = 0;
            } else {
                if (++groupLen > 4) return -1;
                if (groupLen >= 3) bigGroup = true;
            }
            j++;
        }
        if (groupLen > 0) groups++;
        // a full stop may end the sentence ("… fe21:7c04. Wer war das?"), a dot before a digit may not
        if (j < c.length && (Chars.isAlnum(c[j]) || c[j] == '.' && j + 1 < c.length && Chars.isDigit(c[j + 1])))
            return -1;
        if (colons < 2 || doubleColons > 1 || !bigGroup) return -1;
        if (doubleColons == 0 ? groups != 8 : groups < 2 || groups > 7) return -1;
        String lower = new String(c, from, Math.min(4, j - from)).toLowerCase();
        boolean personal = !(lower.startsWith("fe8")
                || lower.startsWith("fc")
                || lower.startsWith("fd")
                || lower.startsWith("::")
                || PUBLIC_RESOLVERS_V6.contains(new String(c, from, j - from).toLowerCase()));
        if (!personal) {
            out.add(Detection.notPersonal(from, j));
            return j;
        }
        j = withPrefixLength(c, j, 128);
        out.add(new Detection(EntityType.IP, from, j, 0.9));
        return j;
    }
}
