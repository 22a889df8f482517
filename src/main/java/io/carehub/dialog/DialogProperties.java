package io.carehub.dialog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The chatbot ({@code carehub.dialog.*}, R23-R27). Every key is described, with its default, in application.yml.
 *
 * @param routing        which platform serves which segment, and where a failing platform falls back to
 * @param idleTimeout    a dialog without a customer message for this long ends (R26)
 * @param maxAge         a dialog ends at the latest this long after it began (R26: keys live at most 24 h)
 * @param expiryCheck    how often ended/idle dialogs are looked for
 * @param handOffKeywords words in a customer text that ask for a human (lowercase, matched as words)
 * @param timeout        connect and read timeout of every platform call
 * @param breaker        the circuit breaker of each platform route
 * @param watsonx        IBM watsonx Assistant v2
 * @param lex            AWS Lex V2 runtime
 * @param openai         OpenAI chat completions (answer generator; used only when enabled)
 */
@Validated
@ConfigurationProperties("carehub.dialog")
public record DialogProperties(
        @NotNull @Valid Routing routing,
        @NotNull Duration idleTimeout,
        @NotNull Duration maxAge,
        @NotNull Duration expiryCheck,
        @NotEmpty List<String> handOffKeywords,
        @NotNull Duration timeout,
        @NotNull @Valid Breaker breaker,
        @NotNull @Valid Watsonx watsonx,
        @NotNull @Valid Lex lex,
        @NotNull @Valid OpenAi openai) {

    /**
     * @param privateCustomers  platform for the PRIVATE segment: watsonx, lex, local or agents (no bot)
     * @param business          platform for the BUSINESS segment
     * @param unknown           platform while the segment is not known yet
     * @param fallback          per platform: where its conversations go while its breaker is open
     *                          (another platform or agents); missing = agents
     */
    public record Routing(
            @NotBlank String privateCustomers,
            @NotBlank String business,
            @NotBlank String unknown,
            @NotNull Map<String, String> fallback) {}

    /**
     * @param failureRateThreshold percentage of failed calls that opens the breaker
     * @param minimumCalls         calls in the window before the rate is judged
     * @param windowSize           calls in the sliding window
     * @param openFor              how long the breaker stays open before it lets a trial call through
     */
    public record Breaker(
            @Min(1) @Max(100) int failureRateThreshold,
            @Min(1) int minimumCalls,
            @Min(1) int windowSize,
            @NotNull @DurationMin(seconds = 1) Duration openFor) {}

    /**
     * @param url         service instance URL, e.g. https://api.eu-de.assistant.watson.cloud.ibm.com/instances/{id}
     * @param iamUrl      IBM IAM token endpoint
     * @param apiKey      IAM API key; secret: CAREHUB_DIALOG_WATSONX_API_KEY
     * @param assistantId the assistant (or environment) id
     * @param version     the pinned API version date
     */
    public record Watsonx(
            String url,
            @NotBlank String iamUrl,
            String apiKey,
            String assistantId,
            @NotBlank String version) {}

    /**
     * @param endpoint        runtime endpoint override (tests, VPC endpoints); empty = the region's public endpoint
     * @param region          AWS region
     * @param botId           the Lex V2 bot id
     * @param botAliasId      the bot alias id
     * @param localeId        the bot locale
     * @param accessKeyId     static credentials; empty = the AWS default credentials chain
     * @param secretAccessKey secret: CAREHUB_DIALOG_LEX_SECRET_ACCESS_KEY
     * @param handOffIntent   the intent whose recognition hands the customer to a human
     */
    public record Lex(
            String endpoint,
            @NotBlank String region,
            String botId,
            String botAliasId,
            @NotBlank String localeId,
            String accessKeyId,
            String secretAccessKey,
            @NotBlank String handOffIntent) {}

    /**
     * @param enabled      true = questions the dialog platform did not understand go to OpenAI (stripped, R25)
     * @param baseUrl      API base URL
     * @param apiKey       secret: CAREHUB_DIALOG_OPENAI_API_KEY
     * @param model        chat model
     * @param systemPrompt instructions sent with every request
     */
    public record OpenAi(
            boolean enabled,
            @NotBlank String baseUrl,
            String apiKey,
            @NotBlank String model,
            @NotBlank String systemPrompt) {}
}
