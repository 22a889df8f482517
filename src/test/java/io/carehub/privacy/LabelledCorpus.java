package io.carehub.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A labelled evaluation corpus: the development corpus {@code privacy/corpus.jsonl} or a held-out set, one
 * {"id","text","entities":[{"type","start","end"}]} per line (UTF-16 offsets). Each is generated from its
 * human-editable {@code *-annotated.txt} ({@code [[TYPE:value]]} markup) by {@link #main}.
 */
record LabelledCorpus(List<Message> messages) {

    record Span(EntityType type, int start, int end) {}

    record Message(String id, String text, List<Span> spans) {}

    static final String JSONL = "/privacy/corpus.jsonl";
    static final String MARKUP = "/privacy/corpus-annotated.txt";
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String HOLDOUT_JSONL = "/privacy/holdout.jsonl";
    static final String HOLDOUT_MARKUP = "/privacy/holdout-annotated.txt";
    static final String HOLDOUT_B_JSONL = "/privacy/holdout-b.jsonl";
    static final String HOLDOUT_B_MARKUP = "/privacy/holdout-b-annotated.txt";
    static final String HOLDOUT_C_JSONL = "/privacy/holdout-c.jsonl";
    static final String HOLDOUT_C_MARKUP = "/privacy/holdout-c-annotated.txt";
    static final String DEV_D1_JSONL = "/privacy/dev-d1.jsonl";
    static final String DEV_D1_MARKUP = "/privacy/dev-d1-annotated.txt";
    static final String DEV_D2_JSONL = "/privacy/dev-d2.jsonl";
    static final String DEV_D2_MARKUP = "/privacy/dev-d2-annotated.txt";
    static final String H1_JSONL = "/privacy/holdout-h1.jsonl";
    static final String H1_MARKUP = "/privacy/holdout-h1-annotated.txt";
    static final String H2_JSONL = "/privacy/holdout-h2.jsonl";
    static final String H2_MARKUP = "/privacy/holdout-h2-annotated.txt";
    static final String H3_JSONL = "/privacy/holdout-h3.jsonl";
    static final String H3_MARKUP = "/privacy/holdout-h3-annotated.txt";
    static final String J1_JSONL = "/privacy/holdout-j1.jsonl";
    static final String J1_MARKUP = "/privacy/holdout-j1-annotated.txt";
    static final String J2_JSONL = "/privacy/holdout-j2.jsonl";
    static final String J2_MARKUP = "/privacy/holdout-j2-annotated.txt";
    static final String J3_JSONL = "/privacy/holdout-j3.jsonl";
    static final String J3_MARKUP = "/privacy/holdout-j3-annotated.txt";
    static final String K1_JSONL = "/privacy/holdout-k1.jsonl";
    static final String K1_MARKUP = "/privacy/holdout-k1-annotated.txt";
    static final String K2_JSONL = "/privacy/holdout-k2.jsonl";
    static final String K2_MARKUP = "/privacy/holdout-k2-annotated.txt";
    static final String K3_JSONL = "/privacy/holdout-k3.jsonl";
    static final String K3_MARKUP = "/privacy/holdout-k3-annotated.txt";
    static final String L1_JSONL = "/privacy/holdout-l1.jsonl";
    static final String L1_MARKUP = "/privacy/holdout-l1-annotated.txt";
    static final String L2_JSONL = "/privacy/holdout-l2.jsonl";
    static final String L2_MARKUP = "/privacy/holdout-l2-annotated.txt";
    static final String L3_JSONL = "/privacy/holdout-l3.jsonl";
    static final String L3_MARKUP = "/privacy/holdout-l3-annotated.txt";
    static final String M1_JSONL = "/privacy/holdout-m1.jsonl";
    static final String M1_MARKUP = "/privacy/holdout-m1-annotated.txt";
    static final String M2_JSONL = "/privacy/holdout-m2.jsonl";
    static final String M2_MARKUP = "/privacy/holdout-m2-annotated.txt";
    static final String M3_JSONL = "/privacy/holdout-m3.jsonl";
    static final String M3_MARKUP = "/privacy/holdout-m3-annotated.txt";
    static final String N1_JSONL = "/privacy/holdout-n1.jsonl";
    static final String N1_MARKUP = "/privacy/holdout-n1-annotated.txt";
    static final String N2_JSONL = "/privacy/holdout-n2.jsonl";
    static final String N2_MARKUP = "/privacy/holdout-n2-annotated.txt";
    static final String N3_JSONL = "/privacy/holdout-n3.jsonl";
    static final String N3_MARKUP = "/privacy/holdout-n3-annotated.txt";
    static final String O1_JSONL = "/privacy/holdout-o1.jsonl";
    static final String O1_MARKUP = "/privacy/holdout-o1-annotated.txt";
    static final String O2_JSONL = "/privacy/holdout-o2.jsonl";
    static final String O2_MARKUP = "/privacy/holdout-o2-annotated.txt";
    static final String O3_JSONL = "/privacy/holdout-o3.jsonl";
    static final String O3_MARKUP = "/privacy/holdout-o3-annotated.txt";
    static final String P1_JSONL = "/privacy/holdout-p1.jsonl";
    static final String P1_MARKUP = "/privacy/holdout-p1-annotated.txt";
    static final String P2_JSONL = "/privacy/holdout-p2.jsonl";
    static final String P2_MARKUP = "/privacy/holdout-p2-annotated.txt";
    static final String P3_JSONL = "/privacy/holdout-p3.jsonl";
    static final String P3_MARKUP = "/privacy/holdout-p3-annotated.txt";
    static final String Q1_JSONL = "/privacy/holdout-q1.jsonl";
    static final String Q1_MARKUP = "/privacy/holdout-q1-annotated.txt";
    static final String Q2_JSONL = "/privacy/holdout-q2.jsonl";
    static final String Q2_MARKUP = "/privacy/holdout-q2-annotated.txt";
    static final String Q3_JSONL = "/privacy/holdout-q3.jsonl";
    static final String Q3_MARKUP = "/privacy/holdout-q3-annotated.txt";
    static final String R1_JSONL = "/privacy/holdout-r1.jsonl";
    static final String R1_MARKUP = "/privacy/holdout-r1-annotated.txt";
    static final String R2_JSONL = "/privacy/holdout-r2.jsonl";
    static final String R2_MARKUP = "/privacy/holdout-r2-annotated.txt";
    static final String R3_JSONL = "/privacy/holdout-r3.jsonl";
    static final String R3_MARKUP = "/privacy/holdout-r3-annotated.txt";
    static final String S1_JSONL = "/privacy/holdout-s1.jsonl";
    static final String S1_MARKUP = "/privacy/holdout-s1-annotated.txt";
    static final String S2_JSONL = "/privacy/holdout-s2.jsonl";
    static final String S2_MARKUP = "/privacy/holdout-s2-annotated.txt";
    static final String S3_JSONL = "/privacy/holdout-s3.jsonl";
    static final String S3_MARKUP = "/privacy/holdout-s3-annotated.txt";
    static final String T1_JSONL = "/privacy/holdout-t1.jsonl";
    static final String T1_MARKUP = "/privacy/holdout-t1-annotated.txt";
    static final String T2_JSONL = "/privacy/holdout-t2.jsonl";
    static final String T2_MARKUP = "/privacy/holdout-t2-annotated.txt";
    static final String T3_JSONL = "/privacy/holdout-t3.jsonl";
    static final String T3_MARKUP = "/privacy/holdout-t3-annotated.txt";
    static final String U1_JSONL = "/privacy/holdout-u1.jsonl";
    static final String U1_MARKUP = "/privacy/holdout-u1-annotated.txt";
    static final String U2_JSONL = "/privacy/holdout-u2.jsonl";
    static final String U2_MARKUP = "/privacy/holdout-u2-annotated.txt";
    static final String U3_JSONL = "/privacy/holdout-u3.jsonl";
    static final String U3_MARKUP = "/privacy/holdout-u3-annotated.txt";
    static final String V1_JSONL = "/privacy/holdout-v1.jsonl";
    static final String V1_MARKUP = "/privacy/holdout-v1-annotated.txt";
    static final String V2_JSONL = "/privacy/holdout-v2.jsonl";
    static final String V2_MARKUP = "/privacy/holdout-v2-annotated.txt";
    static final String V3_JSONL = "/privacy/holdout-v3.jsonl";
    static final String V3_MARKUP = "/privacy/holdout-v3-annotated.txt";
    static final String W1_JSONL = "/privacy/holdout-w1.jsonl";
    static final String W1_MARKUP = "/privacy/holdout-w1-annotated.txt";
    static final String W2_JSONL = "/privacy/holdout-w2.jsonl";
    static final String W2_MARKUP = "/privacy/holdout-w2-annotated.txt";
    static final String W3_JSONL = "/privacy/holdout-w3.jsonl";
    static final String W3_MARKUP = "/privacy/holdout-w3-annotated.txt";
    static final String X1_JSONL = "/privacy/holdout-x1.jsonl";
    static final String X1_MARKUP = "/privacy/holdout-x1-annotated.txt";
    static final String X2_JSONL = "/privacy/holdout-x2.jsonl";
    static final String X2_MARKUP = "/privacy/holdout-x2-annotated.txt";
    static final String X3_JSONL = "/privacy/holdout-x3.jsonl";
    static final String X3_MARKUP = "/privacy/holdout-x3-annotated.txt";
    static final String Y1_JSONL = "/privacy/holdout-y1.jsonl";
    static final String Y1_MARKUP = "/privacy/holdout-y1-annotated.txt";
    static final String Y2_JSONL = "/privacy/holdout-y2.jsonl";
    static final String Y2_MARKUP = "/privacy/holdout-y2-annotated.txt";
    static final String Y3_JSONL = "/privacy/holdout-y3.jsonl";
    static final String Y3_MARKUP = "/privacy/holdout-y3-annotated.txt";
    static final String Z1_JSONL = "/privacy/holdout-z1.jsonl";
    static final String Z1_MARKUP = "/privacy/holdout-z1-annotated.txt";
    static final String Z2_JSONL = "/privacy/holdout-z2.jsonl";
    static final String Z2_MARKUP = "/privacy/holdout-z2-annotated.txt";
    static final String Z3_JSONL = "/privacy/holdout-z3.jsonl";
    static final String Z3_MARKUP = "/privacy/holdout-z3-annotated.txt";
    static final String PROBE_JSONL = "/privacy/probe.jsonl";
    static final String PROBE_MARKUP = "/privacy/probe-annotated.txt";

    /** A labelled set by its short name (docs/privacy-evaluation.md lists them): its JSONL and what it is. */
    record NamedSet(String name, String jsonl, String description) {}

    /** Every labelled set, in the order the evaluation doc lists them. All are development sets since their first score. */
    static final List<NamedSet> SETS = List.of(
            new NamedSet("development", JSONL, "development corpus"),
            new NamedSet("A", HOLDOUT_JSONL, "set A (first author, after the rules)"),
            new NamedSet("B", HOLDOUT_B_JSONL, "set B (second author)"),
            new NamedSet("C", HOLDOUT_C_JSONL, "set C (third author)"),
            new NamedSet("D1", DEV_D1_JSONL, "set D1 (fourth author, private customers)"),
            new NamedSet("D2", DEV_D2_JSONL, "set D2 (fifth author, hard negatives first)"),
            new NamedSet("H1", H1_JSONL, "set H1 (sixth author, names of many origins)"),
            new NamedSet("H2", H2_JSONL, "set H2 (seventh author, business and formal writers)"),
            new NamedSet("H3", H3_JSONL, "set H3 (eighth author, English speakers, students, expats)"),
            new NamedSet("P", PROBE_JSONL, "probe P (the weakest types, by the detector's developer)"),
            new NamedSet("J1", J1_JSONL, "set J1 (ninth author, students and international young customers)"),
            new NamedSet("J2", J2_JSONL, "set J2 (tenth author, small businesses, rural, writing for others)"),
            new NamedSet("J3", J3_JSONL, "set J3 (eleventh author, English and mixed, expats and refugees, movers)"),
            new NamedSet("K1", K1_JSONL, "set K1 (twelfth author, private customers all over Germany, dictated)"),
            new NamedSet("K2", K2_JSONL, "set K2 (thirteenth author, disputes and paperwork, numbers next to numbers)"),
            new NamedSet("K3", K3_JSONL, "set K3 (fourteenth author, international residents and visitors, English)"),
            new NamedSet("L1", L1_JSONL, "set L1 (fifteenth author, mobile customers, porting, SIM swaps)"),
            new NamedSet("L2", L2_JSONL, "set L2 (sixteenth author, organisations and their contact people)"),
            new NamedSet("L3", L3_JSONL, "set L3 (seventeenth author, one day's inbox, odd formats)"),
            new NamedSet("M1", M1_JSONL, "set M1 (eighteenth author, moves and new lines, border regions abroad)"),
            new NamedSet("M2", M2_JSONL, "set M2 (nineteenth author, security, fraud and identity checks)"),
            new NamedSet("M3", M3_JSONL, "set M3 (twentieth author, writing for someone else, carers, newcomers)"),
            new NamedSet("N1", N1_JSONL, "set N1 (21st author, e-mail and online accounts)"),
            new NamedSet("N2", N2_JSONL, "set N2 (22nd author, rural and small-town customers, dialects)"),
            new NamedSet("N3", N3_JSONL, "set N3 (23rd author, young customers and students, gaming, shared flats)"),
            new NamedSet("O1", O1_JSONL, "set O1 (24th author, firms' office managers and IT people)"),
            new NamedSet("O2", O2_JSONL, "set O2 (25th author, long complaints, quoted letters, German only)"),
            new NamedSet("O3", O3_JSONL, "set O3 (26th author, a cross-section of one week at the chat desk)"),
            new NamedSet("P1", P1_JSONL, "set P1 (27th author, border regions and cross-border life)"),
            new NamedSet("P2", P2_JSONL, "set P2 (28th author, older customers, voice dictation, scanned letters)"),
            new NamedSet("P3", P3_JSONL, "set P3 (29th author, families and small shops with roots elsewhere)"),
            new NamedSet("Q1", Q1_JSONL, "set Q1 (30th author, customers in a hurry on their phones)"),
            new NamedSet("Q2", Q2_JSONL, "set Q2 (31st author, landlords, carers and helpers writing for many)"),
            new NamedSet("Q3", Q3_JSONL, "set Q3 (32nd author, customers abroad and travellers)"),
            new NamedSet("R1", R1_JSONL, "set R1 (33rd author, families managing their contracts)"),
            new NamedSet("R2", R2_JSONL, "set R2 (34th author, the self-employed and freelancers)"),
            new NamedSet("R3", R3_JSONL, "set R3 (35th author, technician visits and callbacks)"),
            new NamedSet("S1", S1_JSONL, "set S1 (36th author, identity checks and new contracts)"),
            new NamedSet("S2", S2_JSONL, "set S2 (37th author, regional speech and dialects)"),
            new NamedSet("S3", S3_JSONL, "set S3 (38th author, pasted forms, lists and records)"),
            new NamedSet("T1", T1_JSONL, "set T1 (39th author, payments and money)"),
            new NamedSet("T2", T2_JSONL, "set T2 (40th author, neighbours, shared flats and buildings)"),
            new NamedSet("T3", T3_JSONL, "set T3 (41st author, customers on the go, every number and date format)"),
            new NamedSet("U1", U1_JSONL, "set U1 (42nd author, switching providers and cancelling)"),
            new NamedSet("U2", U2_JSONL, "set U2 (43rd author, multilingual households, Arabic and Cyrillic script)"),
            new NamedSet("U3", U3_JSONL, "set U3 (44th author, small business offices, extensions)"),
            new NamedSet(
                    "V1", V1_JSONL, "set V1 (45th author, Southern Europeans and Latin Americans, their documents)"),
            new NamedSet(
                    "V2", V2_JSONL, "set V2 (46th author, East and South Asian and African customers, their scripts)"),
            new NamedSet("V3", V3_JSONL, "set V3 (47th author, repairs, returns and parcels, voice messages)"),
            new NamedSet("W1", W1_JSONL, "set W1 (48th author, older customers and those who write for them)"),
            new NamedSet("W2", W2_JSONL, "set W2 (49th author, Eastern Europe, the Caucasus and Central Asia)"),
            new NamedSet("W3", W3_JSONL, "set W3 (50th author, landlords and firms, pasted lists and signatures)"),
            new NamedSet("X1", X1_JSONL, "set X1 (51st author, Northern Europe, the Baltic states and the Benelux)"),
            new NamedSet("X2", X2_JSONL, "set X2 (52nd author, Central and Southeastern Europe, Greek script)"),
            new NamedSet("X3", X3_JSONL, "set X3 (53rd author, German typed fast on a phone, lower case)"),
            new NamedSet("Y1", Y1_JSONL, "set Y1 (54th author, a month of the chat desk in real proportions)"),
            new NamedSet("Y2", Y2_JSONL, "set Y2 (55th author, French-speaking Europe, the Maghreb, West Africa)"),
            new NamedSet("Y3", Y3_JSONL, "set Y3 (56th author, the English-speaking world)"),
            new NamedSet("Z1", Z1_JSONL, "set Z1 (57th author, a month in real proportions: billing and contracts)"),
            new NamedSet("Z2", Z2_JSONL, "set Z2 (58th author, a month in real proportions: technical service)"),
            new NamedSet("Z3", Z3_JSONL, "set Z3 (59th author, a month in real proportions: identity checks)"));

    static LabelledCorpus load() {
        return load(JSONL);
    }

    static LabelledCorpus load(String resource) {
        try (InputStream in = LabelledCorpus.class.getResourceAsStream(resource)) {
            List<Message> messages = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode node = JSON.readTree(line);
                List<Span> spans = new ArrayList<>();
                for (JsonNode e : node.path("entities")) {
                    spans.add(new Span(
                            EntityType.valueOf(e.get("type").asText()),
                            e.get("start").asInt(),
                            e.get("end").asInt()));
                }
                messages.add(
                        new Message(node.get("id").asText(), node.get("text").asText(), spans));
            }
            return new LabelledCorpus(List.copyOf(messages));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a markup resource the way {@link #main} turns it into JSONL: ids {@code m0001}, … in line order. */
    static LabelledCorpus loadMarkup(String resource) {
        try (InputStream in = LabelledCorpus.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no such resource: " + resource);
            return fromMarkup(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One message per line; blank lines and lines starting with {@code #} are skipped. */
    static LabelledCorpus fromMarkup(List<String> lines) {
        List<Message> messages = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) continue;
            messages.add(parseMarkup(String.format("m%04d", messages.size() + 1), line));
        }
        return new LabelledCorpus(List.copyOf(messages));
    }

    /** Parses one markup line: {@code [[TYPE:value]]} marks a span, everything else is plain text. */
    static Message parseMarkup(String id, String line) {
        StringBuilder text = new StringBuilder();
        List<Span> spans = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            int open = line.indexOf("[[", i);
            if (open < 0) {
                text.append(line, i, line.length());
                break;
            }
            text.append(line, i, open);
            int colon = line.indexOf(':', open);
            int close = line.indexOf("]]", colon);
            EntityType type = EntityType.valueOf(line.substring(open + 2, colon));
            int start = text.length();
            text.append(line, colon + 1, close);
            spans.add(new Span(type, start, text.length()));
            i = close + 2;
        }
        return new Message(id, text.toString(), spans);
    }

    /** Regenerates corpus.jsonl from the markup: {@code main(markupPath, jsonlPath)}. */
    public static void main(String[] args) throws IOException {
        Path markup = Path.of(args.length > 0 ? args[0] : "src/test/resources" + MARKUP);
        Path jsonl = Path.of(args.length > 1 ? args[1] : "src/test/resources" + JSONL);
        List<Message> messages =
                fromMarkup(Files.readAllLines(markup, StandardCharsets.UTF_8)).messages();
        try (Writer out = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8)) {
            for (Message m : messages) {
                ObjectNode node = JSON.createObjectNode().put("id", m.id()).put("text", m.text());
                ArrayNode entities = node.putArray("entities");
                for (Span s : m.spans()) {
                    entities.addObject()
                            .put("type", s.type().name())
                            .put("start", s.start())
                            .put("end", s.end());
                }
                out.write(JSON.writeValueAsString(node));
                out.write('\n');
            }
        }
        System.out.println("wrote " + messages.size() + " messages to " + jsonl);
    }
}
