package io.carehub.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.carehub.privacy.TextScan.Token;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Phone numbers written the national way of a country the message names, without its country code (PHONE): the
 * Danish "22 34 56 78", the Norwegian "912 34 567", the Swedish "070-123 45 67", the Finnish "040 123 4567", the
 * Latvian "29 123 456", the Lithuanian "8 612 34567", and those of the English-speaking world: the British
 * "020 7946 0958", the North American "212-555-0142", the Irish "087 123 4567", the Australian "0412 345 678", the
 * Indian "98765 43210", the Nigerian "0803 123 4567". Read with the German number plan they are no phone, so the
 * country must be clear: a word of its language or its name ("dansk", "Tromsø" no, "mob", "tālrunis", "Sverige") and
 * the number valid in that country's plan; and since eight digits are also a customer number, a phone word must
 * stand before it, or, for a number dialled with a trunk 0 or 8, the country's own language around it. The North
 * American "(416) 555-0198" names its plan by its shape: an area code of three digits not starting 0 or 1 in
 * brackets (a German one in brackets starts with 0), then three digits, a hyphen and four; no country need be named,
 * nor a phone word stand before it.
 */
final class PhonesAbroad {

    private PhonesAbroad() {}

    /**
     * Words for a phone, German, English and of the countries read here and in {@link HomeCountryPhones} (Nordic,
     * Baltic, Dutch, Czech, Slovak, Hungarian, Greek, Maltese; Greek is folded to lower case only, its accents kept);
     * not the "Nr."/"nummer" that Context's phone words have, which also name a customer or order number of eight
     * digits.
     */
    static final WordSet PHONE_WORDS = WordSet.of(
            "tel",
            "telefon",
            "telefonnummer",
            "handy",
            "handynummer",
            "mobil",
            "mobilnummer",
            "rufnummer",
            "phone",
            "mobile",
            "whatsapp",
            "erreichbar",
            "tlf",
            "mob",
            "mobiel",
            "telefoon",
            "telefoonnummer",
            "gsm",
            "puh",
            "puhelin",
            "simi",
            "talr",
            "talrunis",
            "telefonas",
            "telefoninumber",
            "mobiil",
            "festnetz",
            "festnetznummer",
            "landline",
            "cell",
            "mobilni",
            "mobilny",
            "telefonu",
            "telefonni",
            "telefonszam",
            "telefonszamom",
            "mobilszam",
            "mobilszamom",
            "κινητό",
            "κινητού",
            "τηλέφωνο",
            "τηλεφώνου",
            "σταθερό",
            "τηλ",
            "mowbajl",
            "numru");

    private static final String[] REGIONS = {
        "DK", "SE", "NO", "FI", "IS", "EE", "LV", "LT", "NL", "BE", "GB", "IE", "US", "AU", "IN", "NG"
    };

    /** The index of "GB" in {@link #REGIONS}: the English-speaking countries follow it. */
    private static final int FIRST_ENGLISH = 10;

    /** Folded words that name a country or are words of its language only → a bit per region they point to. */
    private static final Map<String, Long> REGION_WORDS = regionWords(
            Map.of(
                    "DK",
                    "dansk danske danmark dänemark denmark danish dänisch dänische dänischen jeg hedder tlf ringe",
                    "SE",
                    "svensk svenska sverige schweden sweden swedish schwedisch schwedische schwedischen jag heter mig"
                            + " mitt är",
                    "NO",
                    "norsk norge norwegen norway norwegian norwegisch norwegische norwegischen jeg heter meg tlf",
                    "FI",
                    "suomi suomen finnland finland finnish finnisch finnische finnischen puh puhelin puhelinnumero numeroni"
                            + " minun asun",
                    "IS",
                    "ísland island iceland icelandic isländisch isländische sími símanúmer heiti",
                    "EE",
                    "eesti estland estonia estonian estnisch estnische telefoninumber mobiil tere",
                    "LV",
                    "latvija latvijā lettland latvia latvian lettisch lettische tālr tālrunis tālruņa mobilais mans esmu dzīvoju"
                            + " labdien sveiki",
                    "LT",
                    "lietuva lietuvoje litauen lithuania lithuanian litauisch litauische telefonas mobilusis mano gyvenu laba sveiki",
                    "NL",
                    "nederland niederlande netherlands holland dutch niederländisch niederländische mijn mobiel"
                            + " telefoonnummer",
                    "BE",
                    "belgië belgique belgien belgium belgian belgisch belgische gsm"),
            // the English-speaking countries: "London 020 7946 0958", "US number 212-555-0142" (Canada shares the
            // US plan), "Irish mobile 087 123 4567"; not "us" or "english", which any English message has
            Map.of(
                    "GB",
                    "uk britain british england scotland wales großbritannien britische"
                            + " britischen schottland london",
                    "IE",
                    "ireland irland irish irische irischen éire dublin",
                    "US",
                    "usa america american amerika amerikanische amerikanischen canada kanada canadian kanadische"
                            + " kanadischen",
                    "AU",
                    "australia australien australian australische australischen aussie",
                    "IN",
                    "india indien indian indische indischen",
                    "NG",
                    "nigeria nigerian nigerianische nigerianischen"));

    @SafeVarargs
    private static Map<String, Long> regionWords(Map<String, String>... byRegion) {
        Map<String, Long> words = new HashMap<>();
        for (Map<String, String> part : byRegion) {
            part.forEach((region, list) -> {
                long bit = 1L << List.of(REGIONS).indexOf(region);
                for (String w : list.split(" ")) words.merge(Folding.fold(w), bit, (a, b) -> a | b);
            });
        }
        return Map.copyOf(words);
    }

    /** Whether the digit run {@code whole} at {@code start} (7 to 12 digits, not read as a German phone) is one. */
    static boolean at(TextScan s, int start, String whole, int digits, PhoneNumberUtil phones) {
        if (digits < 7 || digits > 12) return false;
        // "tel. 8 686", "phone is 8 612"; but "Rufnummer? Auftrag 55019327": an order or customer word nearer wins
        boolean keyword = Context.anyWordBefore(s, start, 3, 16, PHONE_WORDS::has)
                && !DigitRunRule.notPersonalBefore(s, start)
                && !CustomerNumberWords.directlyBefore(s, start);
        char first = s.at(start);
        boolean northAmerican = northAmericanShape(whole);
        if (!keyword && first != '0' && !northAmerican) return false;
        long regions = namedRegions(s);
        if (northAmerican) regions |= NORTH_AMERICA;
        if (regions == 0) return false;
        // "fnr 020776 45120" in a message that names London: without a phone word, an English-speaking country's
        // number must be grouped as its people write it, the trunk 0 in a group of three to five digits
        boolean grouped = keyword || firstGroup(whole) <= 5;
        for (int r = 0; r < REGIONS.length; r++) {
            if ((regions & 1L << r) == 0 || r >= FIRST_ENGLISH && !grouped) continue;
            try {
                PhoneNumber number = phones.parse(whole, REGIONS[r]);
                PhoneNumberType type = phones.getNumberType(number);
                if (type == PhoneNumberType.MOBILE
                        || type == PhoneNumberType.FIXED_LINE
                        || type == PhoneNumberType.FIXED_LINE_OR_MOBILE) return true;
            } catch (NumberParseException e) {
                // not a number of this plan
            }
        }
        return false;
    }

    private static final long NORTH_AMERICA = 1L << List.of(REGIONS).indexOf("US");

    /** "(416) 555-0198", "(614)832-0475": a bracketed area code from 2 to 9, three digits, a hyphen and four. */
    static boolean northAmericanShape(String w) {
        int n = w.length();
        if (n < 13 || n > 14 || w.charAt(0) != '(' || w.charAt(1) < '2' || w.charAt(4) != ')') return false;
        int k = n == 14 ? 6 : 5;
        if (n == 14 && w.charAt(5) != ' ' || w.charAt(k) < '2' || w.charAt(k + 3) != '-') return false;
        for (int i = 1; i < n; i++) {
            if (i != 4 && i != k - 1 && i != k + 3 && !Chars.isDigit(w.charAt(i))) return false;
        }
        return true;
    }

    /** The digits before the first space, hyphen or slash of {@code whole}. */
    private static int firstGroup(String whole) {
        int k = 0;
        while (k < whole.length() && Chars.isDigit(whole.charAt(k))) k++;
        return k;
    }

    /**
     * A bit per entry of {@link #REGIONS} whose words the message has; looked up once per message ({@link
     * TextScan#phoneRegions}), since a long text asks again for every digit run in it.
     */
    private static long namedRegions(TextScan s) {
        if (s.phoneRegions < 0) s.phoneRegions = regionsOf(s);
        return s.phoneRegions;
    }

    private static long regionsOf(TextScan s) {
        long bits = 0;
        for (Token t : s.tokens) {
            if (!t.isWord()) continue;
            Long regions = REGION_WORDS.get(t.folded());
            if (regions != null) bits |= regions;
        }
        return bits;
    }
}
