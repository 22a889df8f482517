package io.carehub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17's recall-first additions, on sentences of no corpus: the person model adds names no rule finds, an
 * address word starts an address however the street is called, and foreign tax ids and documents count after
 * their keyword in more languages.
 */
class RecallBackstopTest {

    private final PiiDetector detector = new PiiDetector(List.of("0800 330 1000"), "DE");
    private final PiiDetector rulesOnly = new PiiDetector(List.of("0800 330 1000"), "DE").withModelNames(null);

    private static List<String> found(PiiDetector detector, String text, EntityType type) {
        return detector.detect(text).stream()
                .filter(e -> e.type() == type)
                .map(e -> text.substring(e.start(), e.end()))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "moin, hier schreibt kwabena asante wegen der rechnung|kwabena asante",
                "owner Tamilselvan Ratnasingam, phone 0231 5587 3311|Tamilselvan Ratnasingam"
            })
    void personModelFindsNamesTheRulesMiss(String text, String name) {
        assertThat(found(rulesOnly, text, EntityType.PERSON)).doesNotContain(name);
        assertThat(found(detector, text, EntityType.PERSON)).containsExactly(name);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Das Paket kam heute, danke für die schnelle Hilfe",
                "Der Router Speedport Smart 4 blinkt rot seit Montag",
                "meine Adresse hat sich nicht geändert, Vertrag läuft 3 Jahre"
            })
    void plainSentencesStayUnmasked(String text) {
        assertThat(detector.detect(text)).isEmpty();
    }

    @Test
    void personModelLeavesOtherFindingsAlone() {
        String text = "Vertrag von Oksana Hrytsenko, 0176 55512345, oksana.h@example.org";
        assertThat(found(detector, text, EntityType.PHONE)).containsExactly("0176 55512345");
        assertThat(found(detector, text, EntityType.EMAIL)).containsExactly("oksana.h@example.org");
    }

    @Test
    void shippedModelIsReadOnce() {
        assertThat(PersonModel.shipped()).isSameAs(PersonModel.shipped());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "neue adresse: am alten graben 7 35037 marburg|am alten graben 7 35037 marburg",
                "new address: 22 Rue Victor Hugo, 75016 Paris|22 Rue Victor Hugo, 75016 Paris",
                "meine Anschrift lautet Hinterm Bach 12, 36041 Fulda|Hinterm Bach 12, 36041 Fulda",
                "Adresse Rua do Ouro 57, 1100-060 Lisboa|Rua do Ouro 57, 1100-060 Lisboa"
            })
    void addressWordStartsAnAddressWhateverTheStreetIsCalled(String text, String address) {
        assertThat(found(detector, text, EntityType.ADDRESS)).containsExactly(address);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "CPF 123.456.789-09 bitte eintragen|OTHER_ID|123.456.789-09",
                "PAN ABCDE1234F for the invoice|OTHER_ID|ABCDE1234F",
                "Za račun: OIB 69435151530, hvala|OTHER_ID|69435151530",
                "passaporte YB1234567, obrigado|ID_DOCUMENT|YB1234567",
                "my chinese id number is 11010519491231002X|OTHER_ID|11010519491231002X"
            })
    void foreignIdsAndDocumentsAfterTheirKeyword(String text, EntityType type, String value) {
        assertThat(found(detector, text, type)).containsExactly(value);
    }

    // --- issue 17, abroad: names with particles and in other scripts, foreign plates, addresses abroad ---

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Groeten, Willem van der Linden|Willem van der Linden",
                "Ansprechpartnerin ist Annelie von der Lippe, Kassiererin|Annelie von der Lippe",
                "our secretary Aoife Ní Bhriain has a new number|Aoife Ní Bhriain",
                "Kontakt: Ruairí Ó Dónaill, Trainer|Ruairí Ó Dónaill",
                "Vertragspartner ist Eoin Mac Cárthaigh seit Mai|Eoin Mac Cárthaigh",
                "die Rechnung bitte an Joana dos Reis schicken|Joana dos Reis",
                "contact person Lucía de la Fuente, phone below|Lucía de la Fuente",
                "Ansprechpartner Jan ter Horst aus Emmerich|Jan ter Horst",
                "Vertragsinhaber Yusuf al-Khatib, Kundennummer folgt|Yusuf al-Khatib",
                "Inhaber ist Tariq bin Saleh, bitte umschreiben|Tariq bin Saleh",
                "Rechnung an K. van der Wal bitte|K. van der Wal",
                "Unterschrift: Dr. B. Ó Ceallaigh|B. Ó Ceallaigh",
                "Kontakt Anne-Sophie du Bois, Tel. folgt|Anne-Sophie du Bois",
                "my colleague Marieke ter Meer will call|Marieke ter Meer"
            })
    void takesANameWithItsParticlesWhole(String text, String name) {
        assertThat(found(detector, text, EntityType.PERSON)).contains(name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "I rented a van for the move on Saturday|van",
                "Der Van der Spedition steht vor der Tür|Van der",
                "Die Adresse ist Rue de la Paix, mehr weiß ich nicht|de la",
                "Ó, das wusste ich nicht|Ó",
                "Der König der Löwen läuft nicht|König der",
                "we were in Dublin last week|Dublin"
            })
    void particlesOutsideANameAreNoName(String text, String particle) {
        assertThat(found(detector, text, EntityType.PERSON)).noneMatch(name -> name.contains(particle));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "меня зовут Ирина Соколова, номер ниже|Ирина Соколова",
                "фамилия Лебедева, паспорт готов|Лебедева",
                "Familienname: Wróblewska, Vorname folgt|Wróblewska",
                "Kunde Γιώργος Αντωνίου hat angerufen|Γιώργος Αντωνίου",
                "soyadı Kaplan, adı Elif|Kaplan"
            })
    void takesANameInAnotherScriptOrALoneSurnameAfterItsKeyword(String text, String name) {
        assertThat(found(detector, text, EntityType.PERSON)).contains(name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "your truck blocked my car, the grey Skoda BV 21 XTR, again|BV 21 XTR",
                "mein Auto mit polnischem Kennzeichen PO 4821K steht im Hof|PO 4821K",
                "the car with plate 7-KLX-48 belongs to me|7-KLX-48",
                "Kennzeichen GU 3847 B, bitte eintragen|GU 3847 B",
                "our rental car, reg KX19 BNM, was towed|KX19 BNM"
            })
    void takesAForeignLicencePlateAfterACarWord(String text, String plate) {
        assertThat(found(detector, text, EntityType.OTHER_ID)).containsExactly(plate);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Auto kaputt, Tarif M 20 GB reicht mir",
                "das Auto kostet 18 500 EUR",
                "my car is a BMW X3 from 2019",
                "Tarif L 25 GB bitte, danke"
            })
    void capitalsAndDigitsWithoutAPlateShapeOrCarWordAreNoPlate(String text) {
        assertThat(found(detector, text, EntityType.OTHER_ID)).isEmpty();
    }

    @Test
    void takesAnInitialOrACapitalizedSurnameBeforeTheFirstNameWhole() {
        assertThat(found(detector, "top-up with my card please, holder R. Pemberton", EntityType.PERSON))
                .containsExactly("R. Pemberton");
        assertThat(found(detector, "I move out end of May. GARCIA, Lorena, contract below", EntityType.PERSON))
                .containsExactly("GARCIA, Lorena");
        assertThat(found(detector, "Name: TRAN, Minh Chau", EntityType.PERSON)).containsExactly("TRAN, Minh Chau");
        assertThat(found(detector, "please note: MOREIRA DOS SANTOS, Inês", EntityType.PERSON))
                .containsExactly("MOREIRA DOS SANTOS, Inês");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "my old address was 27 Harbour View Road, Howth, Dublin 13 until May|27 Harbour View Road, Howth, Dublin 13",
                "neue Adresse: 14, avenue de la Liberté, L-1930 Luxembourg|14, avenue de la Liberté, L-1930 Luxembourg",
                "Adresse in Österreich: Mariahilfer Straße 45/7, A-1060 Wien|Mariahilfer Straße 45/7, A-1060 Wien",
                "wohne jetzt Bahnhofstrasse 12, CH-8001 Zürich|Bahnhofstrasse 12, CH-8001 Zürich",
                "new address 233 King Street East, Hamilton, ON L8N 1B5|233 King Street East, Hamilton, ON L8N 1B5",
                "ship it to 742 Evergreen Terrace, Springfield, IL 62704 please|742 Evergreen Terrace, Springfield, IL 62704",
                "meine alte Adresse: Keizersgracht 112, 1015 CX Amsterdam|Keizersgracht 112, 1015 CX Amsterdam",
                "adres: ul. Marszałkowska 84, m. 12, 00-514 Warszawa|ul. Marszałkowska 84, m. 12, 00-514 Warszawa",
                "dirección Calle Mayor 14, 3º B, 28013 Madrid|Calle Mayor 14, 3º B, 28013 Madrid",
                "adresa mea: Bd. Unirii nr. 15, bl. A2, ap. 31, 030823 București|Bd. Unirii nr. 15, bl. A2, ap. 31, 030823 București",
                "адрес: ул. Ленина 10, кв. 45, Москва 101000|ул. Ленина 10, кв. 45, Москва 101000",
                "old flat: Flat 2, 18 Elm Crescent, Leeds LS6 2AB|Flat 2, 18 Elm Crescent, Leeds LS6 2AB",
                "Rechnungsadresse 8 rue du Moulin, 1000 Bruxelles|8 rue du Moulin, 1000 Bruxelles",
                "Eircode address: 3 Castle Lane, Kilkenny R95 X2Y4|3 Castle Lane, Kilkenny R95 X2Y4",
                "from 1 March: Unit 4, 9 Friedrich-Ebert-Allee, 53113 Bonn|Unit 4, 9 Friedrich-Ebert-Allee, 53113 Bonn",
                "Anschrift Lange Gasse 3, 74523 Schwäbisch Hall|Lange Gasse 3, 74523 Schwäbisch Hall",
                "eski adresim İnönü Cad. No: 42, 35220 İzmir|İnönü Cad. No: 42, 35220 İzmir",
                "mijn adres is Lindenlaan 7, 3581 GA Utrecht|Lindenlaan 7, 3581 GA Utrecht",
                "min adresse: Nørrebrogade 20, 2200 København|Nørrebrogade 20, 2200 København",
                "címem Kossuth Lajos utca 12, 6720 Szeged|Kossuth Lajos utca 12, 6720 Szeged"
            })
    void takesAnAddressAbroadWholeInItsCountrysOrder(String text, String address) {
        assertThat(found(detector, text, EntityType.ADDRESS)).containsExactly(address);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "die Rue de la Paix ist schön",
                "I live on Queen Street, it's noisy",
                "we were in Dublin 3 times last year",
                "Ich war 2019 in Wien und 2020 in Zürich",
                "Das kostet 12 Euro, Avenue Montaigne ist teuer",
                "Router ist eine FRITZ!Box 7530 AX, hilft nix",
                "we take place Monday 5 times",
                "Der Ort heißt Luxembourg, nicht Luxemburg",
                "I love shopping in the Kalverstraat in Amsterdam",
                "Die Brigade 5 kommt morgen zum Einsatz",
                "Die Garantie 2 Jahre gilt auch?"
            })
    void aStreetWithoutNumberATownAloneOrAModelCodeIsNoAddress(String text) {
        assertThat(found(detector, text, EntityType.ADDRESS)).isEmpty();
    }

    @Test
    void theGermanPrepositionViaIsNoStreetWord() {
        assertThat(found(detector, "Der Techniker kommt via Lindenstraße 14 rein", EntityType.ADDRESS))
                .containsExactly("Lindenstraße 14");
    }

    // issue 17, dictated and scanned numbers: the whole dictated run, typed by its nearer keyword or a leading zero

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Kundennr. zwei zwei 07 fünf 19 drei bitte prüfen|CUSTOMER_ID|zwei zwei 07 fünf 19 drei",
                "also die Kunden Nummer wäre fünf fünf 17 acht drei null 2|CUSTOMER_ID|fünf fünf 17 acht drei null 2",
                "Telefonnummer hab ich, Kundennummer sieben 12 null 4 acht 8 neun|CUSTOMER_ID|sieben 12 null 4 acht 8 neun",
                "Kundennummer weiß ich nicht, ruf an unter sieben 12 null 4 acht 8 neun|PHONE|sieben 12 null 4 acht 8 neun",
                "erreichbar bin ich null 1 fünf 2 44 neunzehn 80|PHONE|null 1 fünf 2 44 neunzehn 80",
                "call me back on zero seven nine 44 18 20 31|PHONE|zero seven nine 44 18 20 31",
                "ich schick das nochmal 0 fünf 21 sieben 33 90 achtzehn|PHONE|0 fünf 21 sieben 33 90 achtzehn",
                "router zeigt die IP neunzig Punkt 187 Punkt zwölf Punkt 3|IP|neunzig Punkt 187 Punkt zwölf Punkt 3",
                "Kundennr 3381 0027 45, null eins sieben sechs 88 41 90 2|PHONE|null eins sieben sechs 88 41 90 2",
                "Vertragsnummer 88O2 1174 O9|CUSTOMER_ID|88O2 1174 O9",
                "IBAN at 48 3200 0000 1234 5864 bitte|IBAN|at 48 3200 0000 1234 5864"
            })
    void takesADictatedOrScannedNumberWhole(String text, EntityType type, String value) {
        assertThat(found(detector, text, type)).containsExactly(value);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "wir sind drei Personen und haben zwei Verträge",
                "seit über 15 Jahren Kunde, zahle neunzehn Euro neunundneunzig",
                "der Techniker kommt zwischen acht und zwölf Uhr",
                "Speedport Smart 4 hat zwei 100 Mbit Anschlüsse",
                "ein Vertrag bei O2 und einer bei 1&1, Model O5 Router",
                "Seite 1 von 2, Punkt 3 Absatz 4",
                "ich hab das Angebot vom zwölf 05 2023 noch"
            })
    void plainSentencesWithNumberWordsStayUnmasked(String text) {
        assertThat(detector.detect(text)).isEmpty();
    }

    // names of more origins (issue 17, the kinds of miss of P1-P3): first names of the lists added, in context

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Ich Kannika, mein Mann ist nicht da|Kannika",
                "SIM für Nargiza und Otabek|Nargiza;Otabek",
                "unsere Kinder Ardit und Besjana brauchen neue SIM-Karten|Ardit;Besjana"
            })
    void takesFirstNamesOfAlbanianThaiAndCentralAsianOriginInContext(String text, String names) {
        assertThat(found(detector, text, EntityType.PERSON)).containsExactly(names.split(";"));
    }

    @Test
    void aThaiNameIsKnownByItsEndingAndPingpongIsNoName() {
        assertThat(found(detector, "Vertrag auf Kamonporn Sitthichai", EntityType.PERSON))
                .containsExactly("Kamonporn Sitthichai");
        assertThat(found(detector, "Die Rechnung zahlt Kittiphong", EntityType.PERSON))
                .containsExactly("Kittiphong");
        assertThat(found(detector, "Wir spielen Pingpong im Keller", EntityType.PERSON))
                .isEmpty();
    }

    // p-abroad: identity documents, personal numbers, licence plates and addresses of neighbouring countries

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "číslo mého občanského průkazu je 217503846|217503846",
                "osobna iskaznica br. 104928375|104928375",
                "moj pasoš 009472615, hvala|009472615",
                "buletinul meu: XT 739184|XT 739184",
                "személyi igazolvány száma 482917AB|482917AB",
                "ikamet izni numaram 98237461|98237461",
                "ταυτότητα: 48291374|48291374",
                "permesso di soggiorno n. I09382715|I09382715",
                "verblijfsvergunning nummer E48291736|E48291736",
                "mijn eID 592-4182735-61|592-4182735-61",
                "mit pasnummer er 208374915|208374915",
                "numri i letërnjoftimit 1204837562|1204837562",
                "ID-картка 004918273, дякую|004918273",
                "číslo pasu 45821937|45821937"
            })
    void takesADocumentNamedInTheCustomersOwnLanguage(String text, String number) {
        assertThat(found(detector, text, EntityType.ID_DOCUMENT)).containsExactly(number);
    }

    @Test
    void theCroatianWordForAllowedIsNoDocumentWord() {
        String text = "to nije dozvoljeno, račun 48213977";
        assertThat(found(detector, text, EntityType.ID_DOCUMENT)).isEmpty();
    }

    @Test
    void theFrenchNegationIsNoDocumentWord() {
        String text = "Je ne trouve pas mon numéro client 48213977";
        assertThat(found(detector, text, EntityType.ID_DOCUMENT)).isEmpty();
        assertThat(found(detector, text, EntityType.CUSTOMER_ID)).containsExactly("48213977");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Lëtzebuerg Sozialversécherung 1983 0522 17411|1983 0522 17411",
                "hei, 1983052217411 er min|1983052217411",
                "mitt nummer 780416-5129 tack|780416-5129",
                "jen 936214/2009 prosím|936214/2009",
                "nummer 17058910031, takk|17058910031",
                "voilà: 93.04.11-228.65|93.04.11-228.65",
                "min danske CPR-nummer er 130584-2217|130584-2217",
                "CPR-nr. 130584-2217|130584-2217",
                "rodné číslo syna 055112/4805|055112/4805",
                "Matricule CCSS: 1983 0522 174 12|1983 0522 174 12",
                "die ID vom Finanzamt lautet 47182609431|47182609431"
            })
    void takesAPersonalNumberAbroadByItsCheckDigitsOrItsKeyword(String text, String number) {
        assertThat(found(detector, text, EntityType.OTHER_ID)).containsExactly(number);
        assertThat(found(detector, text, EntityType.ID_DOCUMENT)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "mitt nummer 780416-5128 tack",
                "jen 936214/2008 prosím",
                "nummer 17058910032, takk",
                "voilà: 93.04.11-228.66",
                "hei, 1983052217412 er min"
            })
    void aWrongCheckDigitMakesNoPersonalNumberAbroad(String text) {
        assertThat(found(detector, text, EntityType.OTHER_ID)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Parkplatz reserviert für KT-392-B (niederländisches Kennzeichen)|KT-392-B",
                "SPZ našeho auta je 2AB 4817|2AB 4817",
                "Tschechisches Kennzeichen vom Lieferwagen meiner Schwester, für die Zufahrt zum Hof: 7C1 2204|7C1 2204",
                "matrícula del coche 7305 HBX|7305 HBX",
                "nummerplaat van de bestelwagen 1-XKB-482|1-XKB-482",
                "nummerplade XY 48 213|XY 48 213",
                "Autonummer SG 481273|SG 481273"
            })
    void takesAForeignLicencePlateWithACarWordBeforeOrAfterIt(String text, String plate) {
        assertThat(found(detector, text, EntityType.OTHER_ID)).containsExactly(plate);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Mein Auto steht vor dem Haus, Ticket TK-2024-558120",
                "Im Auto ist der Router FRITZ!Box 7590 AX",
                "Kennzeichen weiß ich nicht, PLZ 01277",
                "Das Auto ist neu. Ich brauche 4200 EUR"
            })
    void aTicketARouterOrAPostcodeNearACarIsNoPlate(String text) {
        assertThat(found(detector, text, EntityType.OTHER_ID)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "bydlíme Palackého 1320/7, 301 00 Plzeň|Palackého 1320/7, 301 00 Plzeň",
                "adresa Na Příkopě 858/20, 110 00 Praha|Na Příkopě 858/20, 110 00 Praha",
                "Rechnung an Dvořákova 45/8, 466 01 Jablonec nad Nisou bitte|Dvořákova 45/8, 466 01 Jablonec nad Nisou",
                "ny adresse Algade 31, 1. tv., 4000 Roskilde|Algade 31, 1. tv., 4000 Roskilde",
                "Umzug nach Kongensgade 14, st. tv., 5000 Odense|Kongensgade 14, st. tv., 5000 Odense",
                "nieuw adres Pieter Cornelisz Hooftstraat 30-3, 1071 BZ Amsterdam|Pieter Cornelisz Hooftstraat 30-3, 1071 BZ Amsterdam",
                "I moved to Willem de Zwijgerlaan 118-2, 1056 JK Amsterdam|Willem de Zwijgerlaan 118-2, 1056 JK Amsterdam",
                "firma: Vinohradská 1511/230, 120 00 Praha 2|Vinohradská 1511/230, 120 00 Praha 2",
                "adresse Istedgade 64, 2. th., 1650 København V|Istedgade 64, 2. th., 1650 København V",
                "nova adresa: Celovška cesta 88, 1000 Ljubljana|Celovška cesta 88, 1000 Ljubljana",
                "ny adresse Thorvald Meyers gate 41, 0555 Oslo|Thorvald Meyers gate 41, 0555 Oslo",
                "adresa ime: Rruga Ibrahim Rugova 7, 10000 Prishtinë|Rruga Ibrahim Rugova 7, 10000 Prishtinë"
            })
    void takesAStreetAbroadWithoutAStreetWordWhenItsPostcodeFollows(String text, String address) {
        assertThat(found(detector, text, EntityType.ADDRESS)).containsExactly(address);
    }

    @Test
    void aNameBeforeAStreetAbroadStaysAName() {
        String text = "Jmenuji se Lucie Svobodová Husova 87/12, 460 01 Liberec";
        assertThat(found(detector, text, EntityType.ADDRESS)).containsExactly("Husova 87/12, 460 01 Liberec");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Die Palackého ist wegen Bauarbeiten gesperrt",
                "Ich war in Liberec und in Cheb",
                "Tarif MagentaMobil 40, 2000 Minuten inklusive",
                "Zur Husova in Liberec komme ich nicht durch"
            })
    void aStreetAbroadWithoutItsPostcodeOrATownAloneIsNoAddress(String text) {
        assertThat(found(detector, text, EntityType.ADDRESS)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "neu: Kaiserstraße 5, 66606 St. Wendel|Kaiserstraße 5, 66606 St. Wendel",
                "Adresse Rheinstrasse 12, 9430 St. Margrethen, danke|Rheinstrasse 12, 9430 St. Margrethen",
                "Schulweg 4, 89073 Ulm. Das Paket kam nicht|Schulweg 4, 89073 Ulm",
                "Kirchplatz 4, 86899 Landsberg am Lech. Grüezi mitenand|Kirchplatz 4, 86899 Landsberg am Lech"
            })
    void anAbbreviatedTownKeepsItsSecondWordButASentenceEndsAfterATown(String text, String address) {
        assertThat(found(detector, text, EntityType.ADDRESS)).containsExactly(address);
    }

    // issue 17, kinds of miss of Q1-Q3: Spanish and Turkish plates, a German document number typed in groups

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "mi matrícula 5532 BXK — gracias|OTHER_ID|5532 BXK",
                "Kennzeichen vom Mietwagen 06 AB 1234, bitte nicht abschleppen|OTHER_ID|06 AB 1234",
                "perso T220 00129 3 und die Adresse stimmt|ID_DOCUMENT|T220 00129 3",
                "Ausweisnummer C4X9 RL8M2 8|ID_DOCUMENT|C4X9 RL8M2 8"
            })
    void takesTheKindsOfQsMisses(String text, EntityType type, String value) {
        assertThat(found(detector, text, type)).containsExactly(value);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Seite 34 KHT war unleserlich",
                "Ticket T220 00129 3 ist noch offen",
                "perso T220 00129 4 (Tippfehler?)",
                "Auto 4821 KTZ 12 Euro günstiger"
            })
    void noPlateOrGroupedDocumentWithoutItsWordOrCheckDigit(String text) {
        assertThat(found(detector, text, EntityType.OTHER_ID)).isEmpty();
        assertThat(found(detector, text, EntityType.ID_DOCUMENT)).isEmpty();
    }

    // issue 17, addresses and postcodes: postcodes alone in a message about postcodes, and what they are not

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Die PLZ ist 28195, nicht 28197|28195,28197",
                "Postleitzahl falsch: statt 60311 muss 60313 rein|60311,60313",
                "Gibt es Glasfaser in 79098? Frage wegen PLZ|79098",
                "my zip code is 10027, apartment is fine|10027",
                "PLZ 80331 stimmt, Ticket 48813 ist noch offen|80331"
            })
    void aFiveDigitNumberIsAPostcodeWhereTheMessageSpeaksOfPostcodes(String text, String postcodes) {
        assertThat(found(detector, text, EntityType.ADDRESS)).containsExactly(postcodes.split(","));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "PLZ egal, der Tarif kostet 12500 € im Jahr für die Firma",
                "Meine PLZ stimmt, aber Rechnung 20231.50 ist zu hoch",
                "Kabel 5, Tarif M 50, Speedport Smart 4, Seite 3, in 3 Wochen, bis 17 Uhr, Raum 12",
                "Störung seit 3 Wochen, Ticket 48813, bitte melden",
                "Welcher Router? Speedport Smart 4 oder FRITZ!Box 7590 AX?",
                "Welche PLZ gilt für die Rechnung? Auftrag 77120 kam nie an",
                "Postleitzahl ist egal, Bestellnummer 40215 fehlt noch"
            })
    void noPostcodeOrStreetWithoutItsContext(String text) {
        assertThat(found(detector, text, EntityType.ADDRESS)).isEmpty();
    }

    // issue 17, identity documents and national numbers: a national number is OTHER_ID, the card's own number
    // ID_DOCUMENT; check digits decide with a word anywhere in the message (values made up, checks computed)

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Benim TC kimlik numaram 52917360418, adresim değişti|OTHER_ID|52917360418",
                "T.C. no 17048293622 für die Vertragsübernahme|OTHER_ID|17048293622",
                "meine türkische ID-Nummer ist 402 958 613 20|OTHER_ID|402 958 613 20",
                "Meine Steuer-ID steht im Formular, die Zahl ist 38273301463|OTHER_ID|38273301463",
                "Belgian eID, number 591-8975616-17|ID_DOCUMENT|591-8975616-17",
                "Ausweis aus Belgien Nr. 596 2001372 65|ID_DOCUMENT|596 2001372 65",
                "Kartın seri no D51E62038, yeni kart|ID_DOCUMENT|D51E62038",
                "Reisepass verloren, die neue Nummer ist LH7T2K9R4, gültig bis 2033|ID_DOCUMENT|LH7T2K9R4",
                "That one is FX3N8W2K5, issued in Bremen|ID_DOCUMENT|FX3N8W2K5",
                "Ich habe nur die hier: W4K7NR2P8|ID_DOCUMENT|W4K7NR2P8",
                "Aufenthaltsbewilligung B, Nr. C 1183 4420|ID_DOCUMENT|C 1183 4420",
                "Ausländerausweis C, Nummer F12093377|ID_DOCUMENT|F12093377",
                "Mein Studentenausweis hat die Nummer 4471902|OTHER_ID|4471902",
                "Nummer 5529031 (Matrikel) reicht?|OTHER_ID|5529031",
                "meine tochter hat einen eigenen vertrag, nummer 0176 4410 2283|PHONE|0176 4410 2283"
            })
    void identityNumbersAreTypedByTheirCheckAndTheirMessagesWord(String text, EntityType type, String value) {
        assertThat(found(detector, text, type)).containsExactly(value);
    }

    @Test
    void aTaxIdBeatsTheCustomerNumberWordButTheRealCustomerNumberStaysOne() {
        String text = "tax id on the form by mistake: 73194965202, customer number 5512 8830 17";
        assertThat(found(detector, text, EntityType.OTHER_ID)).containsExactly("73194965202");
        assertThat(found(detector, text, EntityType.CUSTOMER_ID)).containsExactly("5512 8830 17");
        String keyword = "Kundennummer 38273301463, Frage zur Steuer auf der Rechnung";
        assertThat(found(detector, keyword, EntityType.CUSTOMER_ID)).containsExactly("38273301463");
        assertThat(found(detector, "Kundennummer 0176 4410 2283", EntityType.CUSTOMER_ID))
                .containsExactly("0176 4410 2283");
    }

    @Test
    void aBelgianCardIsTheDocumentAndTheNationalNumberOnItIsOtherId() {
        String text = "Belgische identiteitskaart 591-8975616-17, rijksregisternummer 90.02.14-123.03";
        assertThat(found(detector, text, EntityType.ID_DOCUMENT)).containsExactly("591-8975616-17");
        assertThat(found(detector, text, EntityType.OTHER_ID)).containsExactly("90.02.14-123.03");
    }

    @Test
    void withoutItsWordABelgianCardNumberStaysACard() {
        assertThat(found(detector, "Kreditkarte 591-8975616-17 abgelehnt", EntityType.CARD))
                .containsExactly("591-8975616-17");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "TC 52917360419 bitte",
                "Rechnung 52917360418 bezahlt",
                "Speedport W 724V und FRITZ!Box 7590 AX, Ticket INC4471093 offen",
                "Tarif MTV2024XL gebucht, Gerät GT5000XR9",
                "Code RA4E7U2O9 gilt nicht",
                "ich tippe RA4E7U2O9 ein und nichts passiert",
                "Termin E 0471 2289 bestätigt",
                "Ausweis liegt vor, Kundennummer A12093377",
                "Die Karte Nr. 596 2001372 66 ist gesperrt",
                "Bestellung 4471902 (Matrikel-Rabatt)"
            })
    void noIdentityNumberWithoutItsCheckItsAlphabetOrItsWord(String text) {
        assertThat(found(detector, text, EntityType.OTHER_ID)).isEmpty();
        assertThat(found(detector, text, EntityType.ID_DOCUMENT)).isEmpty();
    }

    @Test
    void kimlikAndBelgianCardCheckDigits() {
        assertThat(NationalNumbers.kimlik("52917360418")).isTrue();
        assertThat(NationalNumbers.kimlik("52917360428")).isFalse();
        assertThat(NationalNumbers.kimlik("02917360418")).isFalse();
        assertThat(NationalNumbers.belgianCard("594730593733")).isTrue();
        assertThat(NationalNumbers.belgianCard("594730593734")).isFalse();
    }

    // issue 17, names and dates of birth in person context (r-names)

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '#',
            value = {
                "Tagesmutter von Emilia (14.06.2016), sie braucht eine Kinderkarte#14.06.2016",
                "Maximilian (27.11.2010) bekommt das Handy, ich zahle#27.11.2010",
                "Leonie (04.02.2012) bekommt das Tablet#04.02.2012",
                "I'm Grace Whitlow-Byrne, DOB 04/09/1991 (4 Sep, UK order)#04/09/1991",
                "Karten für 1) Ole Brandes, 06.03.1979 2) Sinem Aydın, 19.08.1990#06.03.1979",
                "mein vater gerhard kowalczyk (19.03.1948) kommt nicht ans telefon#19.03.1948",
                "Neue Nutzer: 1) Tobias Wendler, 11.04.1986 2) Merve Kaya, 30.07.1993#11.04.1986",
                "Neue Nutzer: 1) Tobias Wendler, 11.04.1986 2) Merve Kaya, 30.07.1993#30.07.1993",
                "Karin Stöckl; 05.10.1959; Mitnahme der Rufnummer#05.10.1959",
                "Rainer Oltmanns | 17.02.1972 | Vertragspartner#17.02.1972"
            })
    void aDateWithAPastYearRightAfterANameIsThatPersonsBirthDate(String text, String date) {
        assertThat(found(detector, text, EntityType.DATE_OF_BIRTH)).contains(date);
        assertThat(found(detector, text, EntityType.PHONE)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Vertragsbeginn Jannik Pohl (01.03.2019), bitte prüfen",
                "Emilia (14.06.2031) hat dann Geburtstag",
                "Termin mit Frau Kaya, 12.02.2020, wurde abgesagt",
                "Update (14.06.2016) hat den Router zerschossen",
                "Rechnung (03.05.2015) ist doppelt"
            })
    void anEventOrFutureDateOrADateAfterAWordIsNoBirthDate(String text) {
        assertThat(found(detector, text, EntityType.DATE_OF_BIRTH)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Die Eheleute Onno und Heike Tjarks wohnen jetzt in der Deichstraße|Onno",
                "Vermieter sind Jaron & Miriam Schellenberg, bitte Rechnung an beide|Jaron",
                "viele Grüße, Malte u. Svenja Rieckmann|Malte"
            })
    void aFirstNameCoordinatedWithAFullNameIsAName(String text, String first) {
        assertThat(found(detector, text, EntityType.PERSON)).contains(first);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Rechnung und Petra Lange stehen im Brief",
                "Kundennummer und Petra Lange stimmen nicht überein",
                "Bitte an Herrn und Frau Lange"
            })
    void aWordBeforeAndIsNoFirstName(String text) {
        assertThat(found(detector, text, EntityType.PERSON)).allMatch(n -> n.contains("Lange"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "der Monteur hieß laut Auftrag R. Hollenkamp, sehr nett|R. Hollenkamp",
                "vg k. albers|k. albers",
                "Gruß F.-J. Terhorst|F.-J. Terhorst",
                "bitte Rückruf an W. Osterkamp|W. Osterkamp"
            })
    void anInitialAndASurnameAreAName(String text, String name) {
        assertThat(found(detector, text, EntityType.PERSON)).containsExactly(name);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "z. B. den Router neu starten",
                "steht auf S. 14 der Anleitung",
                "Fanshop in St. Georg hat kein Netz",
                "das kostet u. a. Zeit",
                "Tarif Mobil Business L. Gibt es Rabatt?",
                "die alte Box hatte Typ C. Danach kam nichts"
            })
    void anAbbreviationOrALabelLetterIsNoInitial(String text) {
        assertThat(found(detector, text, EntityType.PERSON)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "der familienname wird mit zwei l geschrieben: Krull, danke|Krull",
                "Mein Geburtsname ist Schuster, bitte im Vertrag ergänzen|Schuster",
                "the surname on the card is Glass, not Class|Glass"
            })
    void aWordNamedAsTheSurnameIsASurnameThoughAlsoAWord(String text, String surname) {
        assertThat(found(detector, text, EntityType.PERSON)).contains(surname);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Der Nachname stimmt nicht. Bitte prüfen Sie das",
                "Nachname ist nicht wichtig, nur die Kundennummer"
            })
    void aSurnameWordWithoutAWordAfterItNamesNoOne(String text) {
        assertThat(found(detector, text, EntityType.PERSON)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Moin, ich bin Maurer und brauche Netz auf der Baustelle",
                "bin gelernter Tischler, jetzt selbstständig",
                "Vertrag für die Werkstatt. Gruß, Lena Brockhoff, Goldschmiedin",
                "ist auf Jonas Reuter – das bin ich, Fotograf – angemeldet"
            })
    void anOccupationThatIsASurnameTooIsNoNameWhereItSaysWhatSomeoneDoes(String text) {
        assertThat(found(detector, text, EntityType.PERSON))
                .noneMatch(n -> n.equals("Maurer")
                        || n.equals("Tischler")
                        || n.equals("Goldschmiedin")
                        || n.equals("Fotograf"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Frau Maurer ruft morgen zurück|Maurer",
                "Herr Tischler hat den Termin verschoben|Tischler",
                "Viele Grüße, Maurer|Maurer",
                "Timo Maurer hier, Kundennummer folgt|Timo Maurer"
            })
    void anOccupationWordAfterASalutationOrAFirstNameStaysAName(String text, String name) {
        assertThat(found(detector, text, EntityType.PERSON)).contains(name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Servus, i bin da Wastl, Internet geht ned|Wastl",
                "da Gruber Schorsch hod gsogt i soll eich schreim|Gruber Schorsch",
                "d Leitner Vroni hot koa Netz|Leitner Vroni",
                "Moin, hier is Hinnerk, Router is wedder kaputt|Hinnerk",
                "Grüße vom Jupp aus Düsseldorf|Jupp"
            })
    void folkFormsOfFirstNamesAreNames(String text, String name) {
        assertThat(found(detector, text, EntityType.PERSON)).containsExactly(name);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"da Router is hi", "der Techniker war scho do", "d Leitung is tot seit gestern"})
    void anArticleBeforeAnOrdinaryNounNamesNoOne(String text) {
        assertThat(found(detector, text, EntityType.PERSON)).isEmpty();
    }
}
