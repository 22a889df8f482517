package io.carehub.whatsapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every text the hub itself sends to customers ({@code carehub.texts.*}); the wording lives in
 * application.yml. Button titles are limited to 20 characters by the Cloud API.
 *
 * @param consent the privacy notice and its answers (R14)
 * @param dialog  the chatbot's own messages (R23, R27)
 */
@Validated
@ConfigurationProperties("carehub.texts")
public record CustomerTexts(
        @NotNull @Valid Consent consent, @NotNull @Valid Dialog dialog) {

    /** Interactive reply buttons: at most 20 characters (Cloud API). */
    private static final int BUTTON = 20;

    /**
     * @param notice              R14: short text of the notice, followed by carehub.consent.notice-url
     * @param acceptButton        Accept button
     * @param declineButton       Decline button
     * @param accepted            short thanks after acceptance (empty: none)
     * @param alternativeChannels reply after a decline: the other ways to reach customer service
     */
    public record Consent(
            @NotBlank @Size(max = 1000) String notice,
            @NotBlank @Size(max = BUTTON) String acceptButton,
            @NotBlank @Size(max = BUTTON) String declineButton,
            @NotNull String accepted,
            @NotBlank String alternativeChannels,
            @NotBlank @Size(max = BUTTON) String withdrawButton) {}

    /**
     * @param unsupported      the bot got something other than text
     * @param choose           prompt of a platform's choice list that has none of its own
     * @param chooseButton     the button that opens a choice list
     * @param handOffQuestion  R27: asks for consent to a hand-off to a human
     * @param handOffYes       its yes button
     * @param handOffNo        its no button
     * @param handOffAccepted  reply to yes
     * @param handOffDeclined  reply to no
     * @param unavailable      no platform answers
     */
    public record Dialog(
            @NotBlank String unsupported,
            @NotBlank String choose,
            @NotBlank @Size(max = BUTTON) String chooseButton,
            @NotBlank String handOffQuestion,
            @NotBlank @Size(max = BUTTON) String handOffYes,
            @NotBlank @Size(max = BUTTON) String handOffNo,
            @NotBlank String handOffAccepted,
            @NotBlank String handOffDeclined,
            @NotBlank String unavailable) {}
}
