package io.carehub.dialog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The chatbot ({@code carehub.dialog.*}, R23-R27). Every key is described in application.yml and the README.
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
@ConfigurationProperties("carehub.dialog")
public record DialogProperties(
        @DefaultValue Routing routing,
        @DefaultValue("30m") Duration idleTimeout,
        @DefaultValue("24h") Duration maxAge,
        @DefaultValue("30s") Duration expiryCheck,
        @DefaultValue({"mitarbeiter", "mitarbeiterin", "mensch", "berater", "beraterin", "agent", "human"})
        List<String> handOffKeywords,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue Breaker breaker,
        @DefaultValue Watsonx watsonx,
        @DefaultValue Lex lex,
        @DefaultValue OpenAi openai) {

    /**
     * @param privateCustomers  platform for the PRIVATE segment: watsonx, lex, local or agents (no bot)
     * @param business          platform for the BUSINESS segment
     * @param unknown           platform while the segment is not known yet
     * @param fallback          per platform: where its conversations go while its breaker is open
     *                          (another platform or agents); missing = agents
     */
    public record Routing(
            @DefaultValue("local") String privateCustomers,
            @DefaultValue("local") String business,
            @DefaultValue("local") String unknown,
            @DefaultValue Map<String, String> fallback) {
    }

    /**
     * @param failureRateThreshold percentage of failed calls that opens the breaker
     * @param minimumCalls         calls in the window before the rate is judged
     * @param windowSize           calls in the sliding window
     * @param openForSeconds       how long the breaker stays open before it lets a trial call through
     */
    public record Breaker(
            @DefaultValue("50") int failureRateThreshold,
            @DefaultValue("5") int minimumCalls,
            @DefaultValue("10") int windowSize,
            @DefaultValue("30") int openForSeconds) {
    }

    /**
     * @param url         service instance URL, e.g. https://api.eu-de.assistant.watson.cloud.ibm.com/instances/{id}
     * @param iamUrl      IBM IAM token endpoint
     * @param apiKey      IAM API key; secret: CAREHUB_DIALOG_WATSONX_API_KEY
     * @param assistantId the assistant (or environment) id
     * @param version     the pinned API version date
     */
    public record Watsonx(
            @DefaultValue("") String url,
            @DefaultValue("https://iam.cloud.ibm.com/identity/token") String iamUrl,
            @DefaultValue("") String apiKey,
            @DefaultValue("") String assistantId,
            @DefaultValue("2024-08-25") String version) {
    }

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
            @DefaultValue("") String endpoint,
            @DefaultValue("eu-central-1") String region,
            @DefaultValue("") String botId,
            @DefaultValue("") String botAliasId,
            @DefaultValue("de_DE") String localeId,
            @DefaultValue("") String accessKeyId,
            @DefaultValue("") String secretAccessKey,
            @DefaultValue("TalkToAgent") String handOffIntent) {
    }

    /**
     * @param enabled      true = questions the dialog platform did not understand go to OpenAI (stripped, R25)
     * @param baseUrl      API base URL
     * @param apiKey       secret: CAREHUB_DIALOG_OPENAI_API_KEY
     * @param model        chat model
     * @param systemPrompt instructions sent with every request
     */
    public record OpenAi(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("https://api.openai.com/v1") String baseUrl,
            @DefaultValue("") String apiKey,
            @DefaultValue("gpt-4o-mini") String model,
            @DefaultValue("Du bist der Kundenservice-Assistent eines Unternehmens. Antworte kurz, freundlich und auf Deutsch. Frage nie nach persönlichen Daten.")
            String systemPrompt) {
    }
}
