package io.carehub.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds personal data in German (first) and English chat messages (R24, R25, R28; R16 for IBAN and
 * ID numbers). Thread-safe; one instance serves the whole application.
 *
 * <p>Offsets of the returned {@link Entity entities} are Java {@code String} indices, i.e. UTF-16
 * code units: an emoji counts as two. Detection is linear in the length of the text; hostile input
 * (null, lone surrogates, control chars, RTL marks) never throws.
 */
public final class PiiDetector {

    private static final Logger LOG = LoggerFactory.getLogger(PiiDetector.class);

    /** In this order: the order of equal candidates decides ties in {@link #resolve}. */
    private final Scanner[] scanners;

    private final KnownValueMatcher knownValues;
    private final NameGrowth nameGrowth;
    private final AddressGrowth addressGrowth;
    private final AddressTails addressTails;
    private final ListedNames listedNames;
    private final String region;
    private final ModelNames modelNames;
    private final NotNames notNames;
    private final RepeatedNames repeatedNames;
    private static final KeywordAddresses KEYWORD_ADDRESSES = new KeywordAddresses();

    /**
     * @param companyNumbers the company's own phone numbers (hotlines) in any format; never personal data
     * @param region         ISO region for numbers written without country code, e.g. "DE"
     */
    public PiiDetector(Collection<String> companyNumbers, String region) {
        this(companyNumbers, List.of(), region);
    }

    /**
     * @param nonPersonalPatterns regular expressions for digit runs that are not personal data (tariff, product
     *                            or order numbers): a run that matches one whole is not taken for an identifier
     */
    public PiiDetector(Collection<String> companyNumbers, Collection<String> nonPersonalPatterns, String region) {
        this(companyNumbers, nonPersonalPatterns, region, new Scanner[0]);
    }

    /** With {@code extra} scanners after the built-in ones (tests: a scanner that fails). */
    PiiDetector(Collection<String> companyNumbers, String region, Scanner... extra) {
        this(companyNumbers, List.of(), region, extra);
    }

    private PiiDetector(
            Collection<String> companyNumbers,
            Collection<String> nonPersonalPatterns,
            String region,
            Scanner... extra) {
        this.region = region;
        Set<String> e164 = new HashSet<>();
        for (String number : companyNumbers) {
            try {
                var parsed = PhoneNumberUtil.getInstance().parse(number, region);
                e164.add(PhoneNumberUtil.getInstance().format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
            } catch (NumberParseException e) {
                throw new IllegalArgumentException("carehub.privacy.company-numbers: not a phone number: " + number, e);
            }
        }
        Lexicons lexicons = Lexicons.get();
        Scanner[] builtIn = {
            new EmailScanner(),
            new SpelledEmailScanner(lexicons),
            new IbanScanner(),
            new IpScanner(),
            new NumberRunScanner(region, Set.copyOf(e164)),
            new NumberWordScanner(),
            new DictatedNumberScanner(),
            new DictatedIps(),
            new IdDocumentScanner(),
            new SocialSecurityNumberScanner(),
            new OtherIdRule(),
            new PersonalNumbersAbroad(),
            new NationalNumbers(),
            new CheckedNationalIds(),
            new VatNumbersNorth(),
            new DanishPassports(),
            new DocumentSerials(),
            new LusophoneIdCards(),
            new WestAfricanIdCards(),
            new StudentCardNumbers(),
            new WeakKeywordMobiles(),
            new PhoneWordMobiles(),
            new HomeCountryPhones(),
            new IdShapes(),
            new LicencePlateScanner(),
            new ForeignPlates(),
            new BirthDateScanner(),
            new BirthYears(),
            new WordDateScanner(),
            new BalticYearFirstDates(),
            new CalendarDates(),
            new SpokenDotDates(),
            new CustomerIdRule(),
            new DigitRunRule(nonPersonalPatterns),
            new AddressRules(lexicons),
            new DictatedAddresses(lexicons),
            new ForeignAddresses(lexicons),
            new AddressesAbroad(lexicons),
            new QuartersAbroad(lexicons),
            new NamedStreetsAbroad(lexicons),
            new HanAddresses(),
            new PostcodeMentions(),
            new NameRules(lexicons),
            new ParticleNames(lexicons),
            new SalutedParticleNames(lexicons),
            new DoorbellNames(lexicons),
            new HangulNames(),
            new HanNames(),
            new JapaneseNames(),
            new InitialNames(),
            new NamedSurnames(),
            new NamesBeforeBirth(lexicons)
        };
        if (extra.length > 0) {
            this.scanners = Arrays.copyOf(builtIn, builtIn.length + extra.length);
            System.arraycopy(extra, 0, this.scanners, builtIn.length, extra.length);
        } else {
            this.scanners = builtIn;
        }
        this.knownValues = new KnownValueMatcher(region);
        this.nameGrowth = new NameGrowth(lexicons);
        this.addressGrowth = new AddressGrowth(lexicons);
        this.addressTails = new AddressTails(lexicons);
        this.listedNames = new ListedNames(lexicons);
        this.notNames = new NotNames(lexicons);
        this.repeatedNames = new RepeatedNames(lexicons);
        this.modelNames = new ModelNames(PersonModel.shipped(), ModelNames.THRESHOLD, ModelNames.GROW_THRESHOLD);
    }

    private PiiDetector(PiiDetector rules, ModelNames modelNames) {
        this.scanners = rules.scanners;
        this.knownValues = rules.knownValues;
        this.nameGrowth = rules.nameGrowth;
        this.addressGrowth = rules.addressGrowth;
        this.addressTails = rules.addressTails;
        this.listedNames = rules.listedNames;
        this.region = rules.region;
        this.notNames = rules.notNames;
        this.repeatedNames = rules.repeatedNames;
        this.modelNames = modelNames;
    }

    /** A copy of this detector with another person model, or none (tests: the model's training and cross-validation). */
    PiiDetector withModelNames(ModelNames names) {
        return new PiiDetector(this, names);
    }

    public List<Entity> detect(String text) {
        return detect(text, KnownValues.none());
    }

    public List<Entity> detect(String text, KnownValues known) {
        List<Detection> found = detections(text, known);
        List<Entity> entities = new ArrayList<>(found.size());
        for (Detection d : found) entities.add(d.toEntity());
        return entities;
    }

    String region() {
        return region;
    }

    /**
     * Non-overlapping findings, ordered by start; known values carry their canonical form. Fails closed: if a
     * scanner throws, the whole text is one {@link EntityType#UNSCANNED} finding, so the analyze API, the stripper
     * and the pseudonymizer treat all of it as personal and no scanner error reaches a caller.
     */
    List<Detection> detections(String text, KnownValues known) {
        if (text == null || text.isEmpty()) return List.of();
        try {
            return scan(text, known);
        } catch (RuntimeException | StackOverflowError e) {
            // the exception's message may quote the text: only its class is logged
            LOG.warn(
                    "personal data detection failed ({}); the whole text ({} chars) is treated as personal",
                    e.getClass().getSimpleName(),
                    text.length());
            return List.of(new Detection(EntityType.UNSCANNED, 0, text.length(), 1.0));
        }
    }

    private List<Detection> scan(String text, KnownValues known) {
        TextScan scan = new TextScan(text);
        List<Detection> candidates = new ArrayList<>();
        for (Scanner scanner : scanners) scanner.scan(scan, candidates);
        if (known != null && !known.isEmpty()) knownValues.match(scan, known, candidates);
        List<Detection> grown =
                addressTails.extend(scan, addressGrowth.grow(scan, nameGrowth.grow(scan, resolve(candidates))));
        List<Detection> ruled = notNames.strip(
                scan,
                KEYWORD_ADDRESSES.add(scan, mergeKnown(text, AdjacentSpans.join(scan, listedNames.add(scan, grown)))));
        List<Detection> named = modelNames == null
                ? ruled
                : notNames.strip(
                        scan,
                        AdjacentSpans.join(
                                scan,
                                nameGrowth.initials(scan, nameGrowth.growByNames(scan, modelNames.add(scan, ruled)))));
        List<Detection> all = SpacedScriptNames.add(
                scan,
                ScriptNames.add(
                        scan,
                        CoordinatedNames.add(
                                scan,
                                MailboxNames.add(
                                        scan, repeatedNames.add(scan, AliasNames.add(scan, named), notNames), notNames),
                                notNames)));
        return PhoneExtensions.extend(
                scan, MaidenNames.add(scan, SurnamesBeforeStreets.move(scan, Occupations.strip(scan, all))));
    }

    /** Neighbouring pieces of one known value ("Anna" "Vogel") become one finding. */
    static List<Detection> mergeKnown(String text, List<Detection> found) {
        if (found.size() < 2) return found;
        List<Detection> merged = new ArrayList<>(found.size());
        Detection last = null;
        for (Detection d : found) {
            if (last != null
                    && last.canonical() != null
                    && last.type() == d.type()
                    && last.canonical().equals(d.canonical())
                    && d.start() - last.end() <= 2
                    && text.substring(last.end(), d.start()).isBlank()
                            | text.substring(last.end(), d.start()).equals(", ")) {
                last = new Detection(d.type(), last.start(), d.end(), 1.0, d.canonical());
                merged.set(merged.size() - 1, last);
            } else {
                merged.add(d);
                last = d;
            }
        }
        return merged;
    }

    /** A confident finding wins over the pieces inside it (a known name inside an e-mail address). */
    static final double CONTAINS_CONFIDENCE = 0.8;

    /** Highest score first, then longest, then leftmost. */
    private static final Comparator<Detection> BY_PRIORITY = (a, b) -> {
        int order = Double.compare(b.score(), a.score());
        if (order == 0) order = Integer.compare(b.length(), a.length());
        return order != 0 ? order : Integer.compare(a.start(), b.start());
    };

    /** Leftmost first, then the one reaching furthest. */
    private static final Comparator<Detection> BY_START_LONGEST_FIRST = (a, b) -> {
        int order = Integer.compare(a.start(), b.start());
        return order != 0 ? order : Integer.compare(b.end(), a.end());
    };

    /**
     * Highest score first, then longest; a span overlapping an accepted one is dropped. Before that, a
     * candidate lying strictly inside a confident longer one is dropped: otherwise a known name (score 1.0)
     * inside "erika.mustermann@example.de" would win and leave the rest of the address in the text.
     */
    static List<Detection> resolve(List<Detection> candidates) {
        if (candidates.isEmpty()) return List.of();
        candidates = withoutContained(candidates);
        candidates.sort(BY_PRIORITY);
        TreeMap<Integer, Detection> accepted = new TreeMap<>();
        for (Detection d : candidates) {
            if (d.end() <= d.start()) continue;
            Map.Entry<Integer, Detection> before = accepted.floorEntry(d.start());
            if (before != null && before.getValue().end() > d.start()) continue;
            Map.Entry<Integer, Detection> after = accepted.ceilingEntry(d.start());
            if (after != null && after.getKey() < d.end()) continue;
            accepted.put(d.start(), d);
        }
        List<Detection> result = new ArrayList<>(accepted.size());
        for (Detection d : accepted.values()) {
            if (d.type() != null) result.add(d);
        }
        return result;
    }

    /** One sweep by start (longest first): linear after the sort, whatever the number of candidates. */
    static List<Detection> withoutContained(List<Detection> candidates) {
        List<Detection> byStart = new ArrayList<>(candidates);
        byStart.sort(BY_START_LONGEST_FIRST);
        List<Detection> kept = new ArrayList<>(byStart.size());
        Detection widest = null; // the confident candidate reaching furthest, earliest start on ties
        for (Detection d : byStart) {
            boolean inside = widest != null
                    && widest.type() != null
                    && widest.end() >= d.end()
                    && (widest.start() < d.start() || widest.end() > d.end());
            if (!inside) kept.add(d);
            if (d.score() >= CONTAINS_CONFIDENCE && d.type() != null && (widest == null || d.end() > widest.end())) {
                widest = d;
            }
        }
        return kept;
    }
}
