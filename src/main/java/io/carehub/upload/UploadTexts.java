package io.carehub.upload;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * R16/R51: what the hub says in the chat about the secure upload ({@code carehub.texts.upload.*}, beside the other
 * customer texts of {@code carehub.texts}). A text that offers a link is the body of an interactive message whose
 * button opens the link.
 *
 * @param offer          an agent or the bot offers the upload link
 * @param button         the button that opens the upload page (at most 20 characters, Cloud API)
 * @param received       confirmation after a successful upload
 * @param sensitiveHint  R51: once per conversation after an IBAN or ID number arrived in the chat: check the verified
 *                       business badge before sending such data, and use the link instead
 */
@Validated
@ConfigurationProperties("carehub.texts.upload")
public record UploadTexts(
        @NotBlank @Size(max = 1024) String offer,
        @NotBlank @Size(max = 20) String button,
        @NotBlank String received,
        @NotBlank @Size(max = 1024) String sensitiveHint) {}
