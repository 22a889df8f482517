package io.carehub.privacy;

/** Check-digit algorithms for numbers without a well-kept library. */
final class Checksums {

    private Checksums() {}

    /** The digits of {@code d} times {@code weights}, summed: the body of most weighted mod-10 and mod-11 checks. */
    static int weighted(CharSequence d, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) sum += (d.charAt(i) - '0') * weights[i];
        return sum;
    }

    /** Luhn (ISO/IEC 7812) over the digits of {@code digits}. */
    static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            twice = !twice;
        }
        return digits.length() > 0 && sum % 10 == 0;
    }

    /** Issuer prefixes of the card schemes seen in Germany (Visa, Mastercard, Amex, Discover, Diners, JCB, Maestro) and of Mir, the Russian scheme. */
    static boolean cardPrefix(CharSequence d) {
        int len = d.length();
        int two = (d.charAt(0) - '0') * 10 + (d.charAt(1) - '0');
        int four = two * 100 + (d.charAt(2) - '0') * 10 + (d.charAt(3) - '0');
        if (d.charAt(0) == '4') return len == 13 || len == 16 || len == 19;
        if (two >= 51 && two <= 55 || four >= 2221 && four <= 2720) return len == 16;
        if (two == 34 || two == 37) return len == 15;
        if (four == 6011 || two == 65 || four >= 6440 && four <= 6499) return len == 16 || len == 19;
        if (two == 36 || two == 38 || four >= 3000 && four <= 3059) return len == 14;
        if (four >= 3528 && four <= 3589) return len >= 16 && len <= 19;
        if (four >= 2200 && four <= 2204) return len >= 16 && len <= 19; // Mir
        if (two == 50 || two >= 56 && two <= 69) return len >= 12 && len <= 19; // Maestro
        return false;
    }

    /** ICAO 9303 check digit (weights 7, 3, 1; letters A=10 … Z=35) of {@code s}. */
    static int icaoCheckDigit(CharSequence s) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = Character.toUpperCase(s.charAt(i));
            int v;
            if (ch >= '0' && ch <= '9') v = ch - '0';
            else if (ch >= 'A' && ch <= 'Z') v = ch - 'A' + 10;
            else if (ch == '<') v = 0;
            else return -1;
            sum += v * weights[i % 3];
        }
        return sum % 10;
    }

    /** German tax id (Steuer-IdNr): 11 digits, ISO 7064 MOD 11,10, one digit repeated in the first ten. */
    static boolean steuerId(CharSequence d) {
        if (d.length() != 11 || d.charAt(0) == '0') return false;
        int[] counts = new int[10];
        for (int i = 0; i < 10; i++) counts[d.charAt(i) - '0']++;
        int repeated = 0;
        for (int count : counts) {
            if (count > 3) return false;
            if (count >= 2) repeated++;
        }
        if (repeated != 1) return false;
        int product = 10;
        for (int i = 0; i < 10; i++) {
            int sum = (d.charAt(i) - '0' + product) % 10;
            if (sum == 0) sum = 10;
            product = (sum * 2) % 11;
        }
        int check = 11 - product;
        if (check == 10) check = 0;
        return check == d.charAt(10) - '0';
    }

    /** German social-security (pension insurance) number: 2 digits, 6-digit birth date, letter, 2 digits, check digit. */
    static boolean socialSecurityNumber(CharSequence s) {
        if (s.length() != 12) return false;
        char letter = Character.toUpperCase(s.charAt(8));
        if (letter < 'A' || letter > 'Z') return false;
        for (int i = 0; i < 12; i++) {
            if (i != 8 && !Character.isDigit(s.charAt(i))) return false;
        }
        int day = (s.charAt(2) - '0') * 10 + (s.charAt(3) - '0');
        int month = (s.charAt(4) - '0') * 10 + (s.charAt(5) - '0');
        if (day < 1 || day > 31 + 50 || month < 1 || month > 12) return false;
        int letterNo = letter - 'A' + 1;
        int[] digits = {
            s.charAt(0) - '0',
            s.charAt(1) - '0',
            s.charAt(2) - '0',
            s.charAt(3) - '0',
            s.charAt(4) - '0',
            s.charAt(5) - '0',
            s.charAt(6) - '0',
            s.charAt(7) - '0',
            letterNo / 10,
            letterNo % 10,
            s.charAt(9) - '0',
            s.charAt(10) - '0'
        };
        int[] weights = {2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1};
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int p = digits[i] * weights[i];
            sum += p / 10 + p % 10;
        }
        return sum % 10 == s.charAt(11) - '0';
    }

    /** EAN-13 (Swiss AHV number "756…"): weights 1 and 3 alternating, the last digit makes the sum a multiple of 10. */
    static boolean ean13(CharSequence d) {
        if (d.length() != 13) return false;
        int sum = 0;
        for (int i = 0; i < 12; i++) sum += (d.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        return (10 - sum % 10) % 10 == d.charAt(12) - '0';
    }

    /** French social-security number (NIR): 13 chars (Corsica's "2A"/"2B" counted as 19/18) and the key 97 − n mod 97. */
    static boolean frenchSocialSecurity(String compact) {
        if (compact.length() != 15) return false;
        String body = compact.substring(0, 13).toUpperCase();
        long correction = body.contains("2A") ? 1_000_000 : body.contains("2B") ? 2_000_000 : 0;
        body = body.replace("2A", "19").replace("2B", "18");
        if (!body.chars().allMatch(Character::isDigit)) return false;
        long n = Long.parseLong(body) - correction;
        return 97 - n % 97 == Long.parseLong(compact.substring(13));
    }

    /**
     * German health-insurance number (Krankenversichertennummer): a letter (A = 01 … Z = 26) and nine digits, the
     * last a check digit over the letter's two digits and the next eight, weights 1 and 2 with cross sums.
     */
    static boolean healthInsuranceNumber(CharSequence s) {
        if (s.length() != 10) return false;
        int letter = Character.toUpperCase(s.charAt(0)) - 'A' + 1;
        if (letter < 1 || letter > 26) return false;
        int[] d = new int[10];
        d[0] = letter / 10;
        d[1] = letter % 10;
        for (int i = 1; i <= 8; i++) d[i + 1] = s.charAt(i) - '0';
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int p = d[i] * (i % 2 == 0 ? 1 : 2);
            sum += p / 10 + p % 10;
        }
        return sum % 10 == s.charAt(9) - '0';
    }

    /**
     * Austrian social-security number: three serial digits, a check digit and the birth date (ddmmyy); the check
     * digit is the weighted sum (3, 7, 9, -, 5, 8, 4, 2, 1, 6) modulo 11, and a remainder of 10 is never issued.
     */
    static boolean austrianSocialSecurity(CharSequence d) {
        if (d.length() != 10) return false;
        int[] weights = {3, 7, 9, 0, 5, 8, 4, 2, 1, 6};
        int sum = 0;
        for (int i = 0; i < 10; i++) sum += (d.charAt(i) - '0') * weights[i];
        int check = sum % 11;
        return check != 10 && check == d.charAt(3) - '0';
    }
}
