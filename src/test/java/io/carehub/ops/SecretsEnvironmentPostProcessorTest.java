package io.carehub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

class SecretsEnvironmentPostProcessorTest {

    private final SecretsEnvironmentPostProcessor processor = new SecretsEnvironmentPostProcessor(new DeferredLogs());

    @Test
    void prodProfileFailsNamingTheMissingSecret() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("carehub.whatsapp.app-secret", "s")
                .withProperty("carehub.whatsapp.verify-token", "");
        environment.setActiveProfiles("prod");

        assertThatThrownBy(() -> processor.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("carehub.whatsapp.verify-token")
                .hasMessageContaining("CAREHUB_WHATSAPP_VERIFY_TOKEN");
    }

    @Test
    void prodProfileStartsWhenEverySecretIsSet() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("carehub.whatsapp.app-secret", "s")
                .withProperty("carehub.whatsapp.verify-token", "v")
                .withProperty("carehub.whatsapp.access-token", "a")
                .withProperty("carehub.buffer.keyset-file", "/run/secrets/keyset.json")
                .withProperty("carehub.buffer.group-key", "g")
                .withProperty("carehub.privacy.vault-key", "k")
                .withProperty("carehub.crypto.kek", "k")
                .withProperty("carehub.crypto.lookup-key", "k");
        environment.setActiveProfiles("prod");

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("carehub.whatsapp.app-secret")).isEqualTo("s");
    }

    @Test
    void defaultProfileGeneratesDevSecretsOnceAndKeepsThemAcrossRestarts(@TempDir Path dataDir) {
        MockEnvironment first = new MockEnvironment()
                .withProperty("carehub.data-dir", dataDir.toString())
                .withProperty("carehub.buffer.encryption-key", "");
        processor.postProcessEnvironment(first, new SpringApplication());
        MockEnvironment second = new MockEnvironment().withProperty("carehub.data-dir", dataDir.toString());
        processor.postProcessEnvironment(second, new SpringApplication());

        assertThat(first.getProperty("carehub.buffer.encryption-key"))
                .isNotBlank()
                .isEqualTo(second.getProperty("carehub.buffer.encryption-key"));
        assertThat(first.getProperty("carehub.whatsapp.app-secret")).startsWith("dev-");
        assertThat(Files.exists(dataDir.resolve("dev-secrets.properties"))).isTrue();
        assertThat(first.getProperty("carehub.whatsapp.access-token")).isNull();
    }

    @Test
    void theDevSecretsFileIsReadableByItsOwnerOnly(@TempDir Path dataDir) throws Exception {
        processor.postProcessEnvironment(
                new MockEnvironment().withProperty("carehub.data-dir", dataDir.toString()), new SpringApplication());

        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dataDir.resolve("dev-secrets.properties"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aDevSecretsFileWrittenWithTheDefaultModeIsRestrictedOnTheNextStart(@TempDir Path dataDir) throws Exception {
        MockEnvironment first = new MockEnvironment().withProperty("carehub.data-dir", dataDir.toString());
        processor.postProcessEnvironment(first, new SpringApplication());
        Path file = dataDir.resolve("dev-secrets.properties");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        processor.postProcessEnvironment(
                new MockEnvironment().withProperty("carehub.data-dir", dataDir.toString()), new SpringApplication());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void theMessageGroupKeyIsItsOwnSecretNotTheAppSecret(@TempDir Path dataDir) {
        MockEnvironment environment = new MockEnvironment().withProperty("carehub.data-dir", dataDir.toString());

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("carehub.buffer.group-key"))
                .startsWith("dev-")
                .isNotEqualTo(environment.getProperty("carehub.whatsapp.app-secret"));
    }

    @Test
    void prodProfileRequiresTheMessageGroupKeyButNoEmbeddedDatabasePassword() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("carehub.whatsapp.app-secret", "s")
                .withProperty("carehub.whatsapp.verify-token", "v")
                .withProperty("carehub.whatsapp.access-token", "a")
                .withProperty("carehub.buffer.encryption-key", "e")
                .withProperty("carehub.privacy.vault-key", "k")
                .withProperty("carehub.crypto.kek", "k")
                .withProperty("carehub.crypto.lookup-key", "k");
        environment.setActiveProfiles("prod");

        assertThatThrownBy(() -> processor.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("carehub.buffer.group-key")
                .hasMessageContaining("CAREHUB_BUFFER_GROUP_KEY");
        environment.setProperty("carehub.buffer.group-key", "g");
        processor.postProcessEnvironment(environment, new SpringApplication());
    }

    @Test
    void theEmbeddedDatabaseGetsAGeneratedPassword(@TempDir Path dataDir) {
        MockEnvironment environment = new MockEnvironment().withProperty("carehub.data-dir", dataDir.toString());

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("carehub.postgres.password"))
                .startsWith("dev-")
                .hasSizeGreaterThan(20);
    }
}
