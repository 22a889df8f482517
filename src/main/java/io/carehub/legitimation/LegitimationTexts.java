package io.carehub.legitimation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * R15: what the hub writes in the chat about a legitimation ({@code carehub.texts.legitimation.*}); the pages' texts
 * are in messages_*.properties.
 *
 * @param link      the message with the link button; {@code {minutes}} = its validity
 * @param button    the button that opens the link (at most 20 characters)
 * @param confirmed after a successful sign-in
 * @param expired   the customer opened an expired link
 * @param used      the customer opened a link that was already used
 * @param cancelled the customer cancelled the sign-in
 * @param mismatch  the customer account's phone number is not the chat's
 * @param failed    the sign-in failed otherwise
 */
@Validated
@ConfigurationProperties("carehub.texts.legitimation")
public record LegitimationTexts(
        @NotBlank String link,
        @NotBlank @Size(max = 20) String button,
        @NotBlank String confirmed,
        @NotBlank String expired,
        @NotBlank String used,
        @NotBlank String cancelled,
        @NotBlank String mismatch,
        @NotBlank String failed) {}
