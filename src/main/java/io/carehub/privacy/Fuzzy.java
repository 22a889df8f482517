package io.carehub.privacy;

/** Small misspellings: Damerau-Levenshtein distance with a bound that grows with the word. */
final class Fuzzy {

    private Fuzzy() {}

    /** Allowed edits: none below 4 chars, one up to 7, two from 8. */
    static int allowedEdits(int length) {
        return length >= 8 ? 2 : length >= 4 ? 1 : 0;
    }

    static boolean similar(String a, String b) {
        if (a.equals(b)) return true;
        int allowed = allowedEdits(Math.min(a.length(), b.length()));
        return allowed > 0 && Math.abs(a.length() - b.length()) <= allowed && distance(a, b, allowed) <= allowed;
    }

    /** Optimal-string-alignment distance, stopping early once it exceeds {@code max}. */
    static int distance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) prev[j] = j;
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) return max + 1;
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
