package io.carehub.dialog;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * R43: the built-in stand-in dialog platform of the embedded defaults ("local"). A tiny rule-based FAQ bot,
 * every answer labelled as coming from the local test bot, so that the whole chatbot path (pseudonymization,
 * re-identification, options, hand-off, dialog end) runs without an account. Not a product bot.
 */
final class LocalDialogBot implements DialogPlatform {

    static final String NAME = "local";
    static final String LABEL = "[Lokaler Test-Bot] ";
    private static final Pattern PERSON_TOKEN = Pattern.compile("<PERSON_\\d+>");

    private final Set<String> sessions = ConcurrentHashMap.newKeySet();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String openSession(String dialogId) {
        String session = "local-" + UUID.randomUUID();
        sessions.add(session);
        return session;
    }

    @Override
    public DialogReply send(DialogTurn turn) {
        String session = turn.platformSessionId();
        if (!sessions.contains(session)) {
            // like watsonx after a restart: the session is unknown, a new one is opened
            session = openSession(turn.dialogId());
        }
        String text = turn.text() == null ? "" : turn.text();
        String lower = text.toLowerCase(Locale.GERMAN);
        if (matches(lower, "mitarbeiter", "mensch", "berater", "agent")) {
            return new DialogReply(
                    List.of(), true, true, "Kundenwunsch: persönliche Beratung. Letzte Nachricht: " + text, session);
        }
        if (matches(lower, "tschüss", "tschuess", "auf wiedersehen", "bye", "das war's", "das wars")) {
            return new DialogReply(
                    List.of(new DialogOutput.Text(LABEL + "Gern geschehen. Auf Wiedersehen!")),
                    true,
                    false,
                    null,
                    session,
                    true);
        }
        if (matches(lower, "tarif", "preis", "kosten", "vertrag")) {
            return reply(
                    session,
                    new DialogOutput.Text(LABEL + "Unsere Tarife finden Sie unter example.com/tarife."),
                    new DialogOutput.Options(
                            LABEL + "Wobei kann ich helfen?",
                            List.of(
                                    new DialogOutput.Option("Tarif wechseln", "tarif wechseln"),
                                    new DialogOutput.Option("Vertragslaufzeit", "vertragslaufzeit"),
                                    new DialogOutput.Option("Mitarbeiter", "mitarbeiter"))));
        }
        if (matches(lower, "rechnung", "abbuchung", "zahlung", "lastschrift")) {
            return reply(
                    session,
                    new DialogOutput.Text(LABEL
                            + "Ihre Rechnungen finden Sie im Kundenportal unter „Rechnungen“. Bei Fragen zu einer Abbuchung "
                            + "schreiben Sie „Mitarbeiter“."));
        }
        if (matches(lower, "hallo", "hi", "moin", "servus", "guten tag", "guten morgen", "guten abend", "hello")) {
            Matcher name = PERSON_TOKEN.matcher(text);
            String greeting = name.find() ? "Hallo " + name.group() + "!" : "Hallo!";
            return reply(
                    session,
                    new DialogOutput.Text(LABEL + greeting
                            + " Ich beantworte Fragen zu Tarifen und Rechnungen. Für eine persönliche Beratung schreiben Sie "
                            + "„Mitarbeiter“."));
        }
        return new DialogReply(
                List.of(new DialogOutput.Text(LABEL
                        + "Das habe ich leider nicht verstanden. Fragen Sie mich nach Tarifen oder Rechnungen, oder schreiben Sie "
                        + "„Mitarbeiter“.")),
                false,
                false,
                null,
                session);
    }

    @Override
    public void closeSession(String platformSessionId) {
        sessions.remove(platformSessionId);
    }

    boolean isOpen(String platformSessionId) {
        return sessions.contains(platformSessionId);
    }

    private static DialogReply reply(String session, DialogOutput... outputs) {
        return new DialogReply(List.of(outputs), true, false, null, session);
    }

    private static boolean matches(String lower, String... words) {
        for (String word : words) {
            int at = lower.indexOf(word);
            while (at >= 0) {
                boolean startOk = at == 0 || !Character.isLetter(lower.charAt(at - 1));
                int end = at + word.length();
                boolean endOk = end == lower.length() || !Character.isLetter(lower.charAt(end)) || word.length() > 4;
                if (startOk && endOk) {
                    return true;
                }
                at = lower.indexOf(word, at + 1);
            }
        }
        return false;
    }
}
