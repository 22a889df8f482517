package io.carehub.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * R14 privacy notice ({@code carehub.consent.*}; defaults in application.yml, texts in {@code carehub.texts.consent}).
 *
 * @param noticeVersion  version stored with every answer
 * @param noticeUrl      link to the full privacy notice
 * @param repeatInterval free text before consent repeats the notice at most once per interval
 */
@Validated
@ConfigurationProperties("carehub.consent")
public record ConsentProperties(
        @NotBlank String noticeVersion,
        @NotBlank String noticeUrl,
        @NotNull Duration repeatInterval) {

    static final String ACCEPT_ID = "consent-accept";
    static final String DECLINE_ID = "consent-decline";
    /** R49: the withdraw button on the thanks after acceptance. */
    static final String WITHDRAW_ID = "consent-withdraw";
}
