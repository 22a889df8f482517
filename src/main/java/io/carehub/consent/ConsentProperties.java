package io.carehub.consent;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * R14 privacy notice ({@code carehub.consent.*}).
 *
 * @param noticeVersion       version stored with every answer
 * @param noticeText          short text of the notice (≤ 1024 characters with the link)
 * @param noticeUrl           link to the full privacy notice
 * @param acceptTitle         Accept button (≤ 20 characters)
 * @param declineTitle        Decline button (≤ 20 characters)
 * @param repeatInterval      free text before consent repeats the notice at most once per interval
 * @param alternativeChannels reply after a decline: the other ways to reach customer service
 * @param acceptedReply       short thanks after acceptance (empty: none)
 */
@ConfigurationProperties("carehub.consent")
public record ConsentProperties(
        @DefaultValue("2026-11") String noticeVersion,
        @DefaultValue("Bevor wir Ihnen hier helfen: Bitte lesen Sie unsere Datenschutzhinweise zum WhatsApp-Kundenservice. "
                + "Mit „Akzeptieren“ willigen Sie ein, dass wir Ihre Nachrichten verarbeiten, Sie auch nach 24 Stunden "
                + "kontaktieren dürfen und ein Chatbot Ihre Anfrage bearbeiten darf. Widerruf jederzeit möglich.") String noticeText,
        @DefaultValue("https://www.example.com/datenschutz/whatsapp") String noticeUrl,
        @DefaultValue("Akzeptieren") String acceptTitle,
        @DefaultValue("Ablehnen") String declineTitle,
        @DefaultValue("1h") Duration repeatInterval,
        @DefaultValue("Schade. Sie erreichen uns auch telefonisch unter 0800 000 0000 (kostenfrei), per E-Mail an "
                + "service@example.com oder im Kundenportal.") String alternativeChannels,
        @DefaultValue("Vielen Dank!") String acceptedReply) {

    static final String ACCEPT_ID = "consent-accept";
    static final String DECLINE_ID = "consent-decline";
}
