package io.carehub.upload;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * R16/R51: the secure upload channel ({@code carehub.upload.*}; defaults in application.yml). The links are built
 * on {@code carehub.pages.base-url} ({@code /u/<token>}).
 *
 * @param linkValidity  a link expires this long after it was offered (default 24 h)
 * @param maxSize       largest file accepted; Spring's multipart limits are set from it
 * @param offerIntents  dialog-platform intents (watsonx intent, Lex intent name) on which the bot offers a link
 */
@Validated
@ConfigurationProperties("carehub.upload")
public record UploadProperties(
        @NotNull Duration linkValidity,
        @NotNull DataSize maxSize,
        @NotNull List<String> offerIntents) {}
