package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Calendar dates as people write them in German and English chat. */
final class Dates {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januar", 1),
            Map.entry("jan", 1),
            Map.entry("january", 1),
            Map.entry("jaenner", 1),
            // Austrian and Bavarian: "Jänner", spoken "Jänna"; "Feber"
            Map.entry("jaenna", 1),
            Map.entry("feber", 2),
            Map.entry("februar", 2),
            Map.entry("feb", 2),
            Map.entry("february", 2),
            Map.entry("maerz", 3),
            Map.entry("maer", 3),
            Map.entry("march", 3),
            Map.entry("mar", 3),
            Map.entry("marz", 3),
            Map.entry("april", 4),
            Map.entry("apr", 4),
            Map.entry("mai", 5),
            Map.entry("may", 5),
            Map.entry("juni", 6),
            Map.entry("jun", 6),
            Map.entry("june", 6),
            Map.entry("juli", 7),
            Map.entry("jul", 7),
            Map.entry("july", 7),
            Map.entry("august", 8),
            Map.entry("aug", 8),
            Map.entry("september", 9),
            Map.entry("sep", 9),
            Map.entry("sept", 9),
            Map.entry("oktober", 10),
            Map.entry("okt", 10),
            Map.entry("october", 10),
            Map.entry("oct", 10),
            Map.entry("november", 11),
            Map.entry("nov", 11),
            Map.entry("dezember", 12),
            Map.entry("dez", 12),
            Map.entry("december", 12),
            Map.entry("dec", 12));

    /**
     * Month names in the other languages customers write their birth dates in, by month, as written (folded when
     * read): Italian, Spanish, Portuguese, French, Dutch, Romanian, Turkish, Polish, Croatian, Serbian and Bosnian
     * (in both scripts), Bulgarian, Russian and Ukrainian in Latin and Cyrillic script, Greek, the Nordic and Baltic
     * languages (Swedish, Danish, Norwegian, Finnish, Icelandic, Estonian, Latvian, Lithuanian), Hungarian, Czech,
     * Slovak and Slovenian; nominative and the genitive dates use ("7 marca", "5. novembra", "30 юни").
     * Kept apart from {@link #MONTHS}: many are also first names (Marta, Maja, Julio), which the name rules must
     * not take for months.
     */
    private static final String[] FOREIGN_MONTHS = {
        "gennaio enero janeiro janvier janv januari ianuarie ocak styczeń stycznia siječanj siječnja sijecanj"
                + " januar yanvar yanvarya sichen sichnya січень січня январь января јануар ιανουάριος ιανουαρίου"
                + " januara януари јануара"
                + " januari januar tammikuuta tammikuu jaanuar janvāris janvārī janvara sausio sausis janúar január ledna leden januára januarja",
        "febbraio febrero fevereiro février févr fevrier februari februarie şubat subat luty lutego veljača"
                + " veljače februar fevral fevralya lyutyi lyutoho лютий лютого февраль февраля фебруар"
                + " φεβρουάριος φεβρουαρίου"
                + " februara февруари фебруара"
                + " februari februar helmikuuta helmikuu veebruar februāris februārī februara vasario vasaris febrúar február února unor februára februarja",
        "marzo março mars maart martie mart marzec marca ožujak ožujka marta berezen bereznya березень березня"
                + " март марта μάρτιος μαρτίου"
                + " mars maaliskuuta maaliskuu märts marts martā marta kovo kovas március marcius března brezen březen marec",
        "aprile abril avril avr aprilie nisan kwiecień kwietnia travanj travnja aprel aprelya kviten kvitnya квітень"
                + " квітня апрель апреля април απρίλιος απριλίου"
                + " aprila април априла"
                + " april huhtikuuta huhtikuu aprill aprīlis aprīlī aprīļa balandžio balandis apríl április aprilis dubna duben apríla",
        "maggio mayo maio mai mei mayıs mayis maj maja svibanj svibnja maya traven travnya травень травня май мая"
                + " мај μάιος μαΐου"
                + " маја"
                + " maj mai toukokuuta toukokuu maijs maijā maija gegužės gegužė maí május majus května kveten květen mája",
        "giugno junio junho juin juni iunie haziran czerwiec czerwca lipanj lipnja jun iyun iyunya cherven chervnya"
                + " червень червня июнь июня јун ιούνιος ιουνίου"
                + " juna юни јуна"
                + " juni kesäkuuta kesäkuu juuni jūnijs jūnijā jūnija birželio birželis júní június junius června cerven červen júna junija",
        "luglio julio julho juillet juil juli iulie temmuz lipiec lipca srpanj srpnja jul iyul iyulya lypen lypnya"
                + " липень липня июль июля јул ιούλιος ιουλίου"
                + " jula юли јула"
                + " juli heinäkuuta heinäkuu juuli jūlijs jūlijā jūlija liepos liepa júlí július julius července cervenec červenec júla julija",
        "agosto août aout augustus ağustos agustos sierpień sierpnia kolovoz kolovoza avgust avgusta serpen serpnya"
                + " серпень серпня август августа αύγουστος αυγούστου"
                + " augusti elokuuta elokuu augusts augustā augusta rugpjūčio rugpjūtis ágúst augusztus augustus srpna srpen avgusta",
        "settembre septiembre setiembre setembro septembre septembrie eylül eylul wrzesień września rujan rujna"
                + " septembar sentyabr sentyabrya veresen veresnya вересень вересня сентябрь сентября септембар"
                + " σεπτέμβριος σεπτεμβρίου"
                + " septembra септември септембра"
                + " syyskuuta syyskuu septembris septembrī septembra rugsėjo rugsėjis szeptember září zari",
        "ottobre octubre outubro octobre octombrie ekim październik października oktobar oktyabr oktyabrya zhovten"
                + " zhovtnya жовтень жовтня октябрь октября октобар οκτώβριος οκτωβρίου"
                + " oktobra октомври октобра"
                + " lokakuuta lokakuu oktoober oktobris oktobrī oktobra spalio spalis október oktober října rijen říjen októbra",
        "novembre noviembre novembro noiembrie kasım kasim listopad listopada studeni studenoga studenog novembar"
                + " noyabr noyabrya lystopad lystopada листопад листопада ноябрь ноября новембар νοέμβριος"
                + " νοεμβρίου"
                + " novembra ноември новембра"
                + " marraskuuta marraskuu novembris novembrī novembra lapkričio lapkritis nóvember november listopadu",
        "dicembre diciembre dezembro décembre déc decembre decembrie aralık aralik grudzień grudnia prosinac"
                + " prosinca decembar dekabr dekabrya hruden hrudnya грудень грудня декабрь декабря децембар"
                + " δεκέμβριος δεκεμβρίου"
                + " decembra декември децембра"
                + " desember joulukuuta joulukuu detsember decembris decembrī decembra gruodžio gruodis december prosince prosinec"
    };

    private static final KeywordTable MONTH_NUMBERS = new KeywordTable(MONTHS);

    private static final KeywordTable ANY_MONTH_NUMBERS = new KeywordTable(anyMonths());

    private static Map<String, Integer> anyMonths() {
        Map<String, Integer> months = new HashMap<>(MONTHS);
        for (int m = 0; m < FOREIGN_MONTHS.length; m++) {
            for (String name : FOREIGN_MONTHS[m].split(" ")) {
                // "listopad" is November in Polish and October in Croatian: the longer month, so both days are valid
                months.merge(Folding.fold(name), m + 1, (a, b) -> Dates.days(a) >= Dates.days(b) ? a : b);
            }
        }
        return Map.copyOf(months);
    }

    private static int days(int month) {
        return java.time.Month.of(month).maxLength();
    }

    private Dates() {}

    /** A German or English month name or abbreviation → 1..12, else 0. */
    static int month(String folded) {
        return MONTH_NUMBERS.get(folded, 0);
    }

    /** {@link #month(String)} of a token's folded form. */
    static int month(Token t) {
        return MONTH_NUMBERS.get(t, 0);
    }

    /** {@link #month} or a month name in one of the customers' other languages. */
    static int anyMonth(String folded) {
        return ANY_MONTH_NUMBERS.get(folded, 0);
    }

    /** {@link #anyMonth(String)} of a token's folded form. */
    static int anyMonth(Token t) {
        return ANY_MONTH_NUMBERS.get(t, 0);
    }

    static boolean valid(int day, int month, int year) {
        return parse(day, month, year) != null;
    }

    static LocalDate parse(int day, int month, int year) {
        if (year < 1900 || year > 2100) return null;
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }
    /**
     * A digit run that opens with a whole date, "dd.mm.yyyy" or "dd/mm/yyyy", after at most a bracket and then ends or
     * goes on after a space: "(03.01.2009", "08.08.1980 2" (the next list item's number), "02/11/1988 (2 Nov". The date is a date, not the start of
     * a phone number.
     */
    static boolean opensRun(char[] c, int start, int end) {
        int i = start < end && c[start] == '(' ? start + 1 : start;
        int day = digits(c, i, end);
        int m = i + day + 1;
        if (day < 1 || day > 2 || m >= end || c[m - 1] != '.' && c[m - 1] != '/') return false;
        char sep = c[m - 1];
        int month = digits(c, m, end);
        int y = m + month + 1;
        if (month < 1 || month > 2 || y >= end || c[y - 1] != sep || digits(c, y, end) != 4) return false;
        int after = y + 4;
        if (after < end && c[after] != ' ') return false;
        int first = number(c, i, day);
        int second = number(c, m, month);
        int year = number(c, y, 4);
        // with slashes the month may come first ("02/11/1988", US order)
        return valid(first, second, year) || sep == '/' && valid(second, first, year);
    }

    private static int digits(char[] c, int from, int end) {
        int k = from;
        while (k < end && Chars.isDigit(c[k])) k++;
        return k - from;
    }

    private static int number(char[] c, int from, int length) {
        int n = 0;
        for (int k = from; k < from + length; k++) n = n * 10 + (c[k] - '0');
        return n;
    }
}
