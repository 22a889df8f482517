package io.carehub.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * R24: puts the values back into a bot answer. Tolerates tokens the bot reformatted — other case,
 * missing or different brackets, space or dash instead of the underscore, HTML-escaped brackets,
 * punctuation glued on. A token the session does not know (expired, deleted, invented by the bot)
 * is left out, never guessed.
 */
public class ReIdentifier {

    // alternatives of fixed length only: no nested quantifiers, no catastrophic backtracking
    private static final Pattern TOKEN = Pattern.compile(
            "(&lt;|[<\\[{(«])?\\b(PERSON|ADDRESS|PHONE|E-?MAIL|IBAN|CARD|CUSTOMER[_ -]?ID|DATE[_ -]?OF[_ -]?BIRTH"
                    + "|ID[_ -]?DOCUMENT|IP|OTHER[_ -]?ID|UNSCANNED)(_| |-|)(\\d{1,6})\\b(&gt;|[>\\]})»])?",
            Pattern.CASE_INSENSITIVE);

    private final PseudonymVault vault;

    public ReIdentifier(PseudonymVault vault) {
        this.vault = vault;
    }

    public String reidentify(String sessionId, String text) {
        if (text == null || text.isEmpty()) return text;
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            boolean bracketed = m.group(1) != null || m.group(5) != null;
            if (!bracketed && !m.group(3).equals("_")) continue; // "IP 192…" in prose is not a token
            String type =
                    m.group(2).toUpperCase().replace("-", "").replace(" ", "_").replace("EMAIL", "EMAIL");
            type = normalizeType(type);
            String token = "<" + type + "_" + Integer.parseInt(m.group(4)) + ">";
            String value = vault.resolve(sessionId, token).orElse("");
            int start = m.start();
            if (value.isEmpty()
                    && start > last
                    && text.charAt(start - 1) == ' '
                    && (m.end() == text.length() || !Character.isLetterOrDigit(text.charAt(m.end())))) {
                start--; // no double space where an unknown token was left out
            }
            out.append(text, last, start).append(value);
            last = m.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    private static String normalizeType(String raw) {
        String compact = raw.replace("_", "");
        return switch (compact) {
            case "CUSTOMERID" -> "CUSTOMER_ID";
            case "DATEOFBIRTH" -> "DATE_OF_BIRTH";
            case "IDDOCUMENT" -> "ID_DOCUMENT";
            case "OTHERID" -> "OTHER_ID";
            default -> compact;
        };
    }
}
