package io.carehub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carehub.CarehubApplication;
import io.carehub.HubTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/**
 * Data residency (docs/processing.md): the prod profile refuses to start with a bot platform outside the configured
 * regions — watsonx outside eu-de (its URL's host), Lex outside eu-central-1, OpenAI unless explicitly allowed —
 * naming the setting.
 */
class DataResidencyPolicyTest {

    private static final String FRANKFURT_WATSONX =
            "https://api.eu-de.assistant.watson.cloud.ibm.com/instances/6f1d3c2a-8a0e-4d6b-9d57-1f0c2b7e4a10";

    private final DataResidencyPolicy policy = new DataResidencyPolicy();

    @TempDir
    Path directory;

    @Test
    void prodStartsWithWatsonxInFrankfurtLexInFrankfurtAndNoOpenAi() {
        MockEnvironment environment = prod().withProperty("carehub.dialog.watsonx.url", FRANKFURT_WATSONX)
                .withProperty("carehub.dialog.lex.bot-id", "BOT1")
                .withProperty("carehub.dialog.lex.region", "eu-central-1")
                .withProperty("carehub.dialog.lex.endpoint", "https://runtime-v2-lex.eu-central-1.amazonaws.com");
        assertThatCode(() -> policy.postProcessEnvironment(environment, new SpringApplication()))
                .doesNotThrowAnyException();
        MockEnvironment privateEndpoint = prod().withProperty(
                        "carehub.dialog.watsonx.url",
                        "https://api.private.eu-de.assistant.watson.cloud.ibm.com/instances/6f1d3c2a");
        assertThatCode(() -> policy.postProcessEnvironment(privateEndpoint, new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void watsonxOutsideTheRegionsIsRefusedByItsHost() {
        for (String url : new String[] {
            "https://api.us-south.assistant.watson.cloud.ibm.com/instances/6f1d3c2a",
            "https://api.eu-gb.assistant.watson.cloud.ibm.com/instances/6f1d3c2a",
            "https://eu-de.example.com/instances/6f1d3c2a",
            "https://api.eu-de.assistant.watson.cloud.ibm.com.example.com/instances/6f1d3c2a",
            "not a url"
        }) {
            MockEnvironment environment = prod().withProperty("carehub.dialog.watsonx.url", url);
            assertThatThrownBy(() -> policy.postProcessEnvironment(environment, new SpringApplication()))
                    .as(url)
                    .hasMessageContaining("carehub.dialog.watsonx.url (CAREHUB_DIALOG_WATSONX_URL)")
                    .hasMessageContaining("[eu-de]");
        }
    }

    @Test
    void lexOutsideTheRegionsIsRefusedByRegionAndByEndpoint() {
        MockEnvironment virginia = prod().withProperty("carehub.dialog.lex.bot-id", "BOT1")
                .withProperty("carehub.dialog.lex.region", "us-east-1");
        assertThatThrownBy(() -> policy.postProcessEnvironment(virginia, new SpringApplication()))
                .hasMessageContaining("carehub.dialog.lex.region (CAREHUB_DIALOG_LEX_REGION)")
                .hasMessageContaining("[eu-central-1]");
        MockEnvironment endpointElsewhere = prod().withProperty("carehub.dialog.lex.bot-id", "BOT1")
                .withProperty("carehub.dialog.lex.region", "eu-central-1")
                .withProperty("carehub.dialog.lex.endpoint", "https://runtime-v2-lex.us-east-1.amazonaws.com");
        assertThatThrownBy(() -> policy.postProcessEnvironment(endpointElsewhere, new SpringApplication()))
                .hasMessageContaining("carehub.dialog.lex.endpoint (CAREHUB_DIALOG_LEX_ENDPOINT)");
        // a region without a bot is no endpoint: Lex is not configured
        MockEnvironment unconfigured = prod().withProperty("carehub.dialog.lex.region", "us-east-1");
        assertThatCode(() -> policy.postProcessEnvironment(unconfigured, new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void openAiOnlyWhenExplicitlyAllowed() {
        MockEnvironment enabled = prod().withProperty("carehub.dialog.openai.enabled", "true");
        assertThatThrownBy(() -> policy.postProcessEnvironment(enabled, new SpringApplication()))
                .hasMessageContaining("carehub.dialog.openai.enabled (CAREHUB_DIALOG_OPENAI_ENABLED) needs "
                        + "carehub.residency.allow-openai=true");
        MockEnvironment allowed = enabled.withProperty("carehub.residency.allow-openai", "true");
        assertThatCode(() -> policy.postProcessEnvironment(allowed, new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void onlyTheProdProfileIsCheckedAndItMayOptOutExplicitly() {
        MockEnvironment plain = new MockEnvironment()
                .withProperty("carehub.dialog.watsonx.url", "https://api.us-south.assistant.watson.cloud.ibm.com/x")
                .withProperty("carehub.dialog.openai.enabled", "true");
        assertThatCode(() -> policy.postProcessEnvironment(plain, new SpringApplication()))
                .doesNotThrowAnyException();
        MockEnvironment optedOut = prod().withProperty("carehub.residency.enforce", "false")
                .withProperty("carehub.dialog.openai.enabled", "true");
        assertThatCode(() -> policy.postProcessEnvironment(optedOut, new SpringApplication()))
                .doesNotThrowAnyException();
    }

    /** The shipped prod profile, with its secrets set, stops before anything connects. */
    @Test
    void theHubOnTheProdProfileRefusesToStartNamingTheSetting() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CarehubApplication.class)
                        .profiles("prod")
                        .run(
                                "--carehub.data-dir=" + directory,
                                "--carehub.whatsapp.app-secret=" + HubTest.APP_SECRET,
                                "--carehub.whatsapp.verify-token=residency-verify-token",
                                "--carehub.whatsapp.access-token=residency-access-token",
                                "--carehub.buffer.encryption-key=" + HubTest.BUFFER_KEY,
                                "--carehub.buffer.group-key=residency-group-key",
                                "--carehub.privacy.vault-key=cHJvZC10cmFuc3BvcnQtdGVzdC12YXVsdC1rZXktMzI=",
                                "--carehub.crypto.kek=cHJvZC10cmFuc3BvcnQtdGVzdC1jcnlwdG8ta2VrLTM=",
                                "--carehub.crypto.lookup-key=residency-lookup-key",
                                "--carehub.dialog.watsonx.url=https://api.us-south.assistant.watson.cloud.ibm.com/i/1"))
                .hasMessageContaining("Data residency")
                .hasMessageContaining("carehub.dialog.watsonx.url (CAREHUB_DIALOG_WATSONX_URL)");
        assertThat(directory.resolve("artemis")).doesNotExist();
    }

    private static MockEnvironment prod() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("carehub.residency.enforce", "true")
                .withProperty("carehub.residency.watsonx-regions", "eu-de")
                .withProperty("carehub.residency.lex-regions", "eu-central-1")
                .withProperty("carehub.residency.allow-openai", "false");
        environment.setActiveProfiles("prod");
        return environment;
    }
}
