package io.carehub.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.CarehubApplication;
import io.carehub.HubTest;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * R43/R47: on its embedded defaults the hub issues development tokens (one user per role, client credentials, the
 * README's curl) and verifies them like the identity provider's; the prod profile refuses to start with the issuer.
 */
class LocalTokenIssuerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void defaultProfileIssuesDevelopmentTokensPerRoleThatTheApisAccept() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "local-issuer-");
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(CarehubApplication.class)
                .run(
                        "--server.port=0",
                        "--carehub.data-dir=" + dataDir,
                        "--carehub.postgres.port=0",
                        "--carehub.whatsapp.app-secret=" + HubTest.APP_SECRET,
                        "--carehub.buffer.encryption-key=" + HubTest.BUFFER_KEY)) {
            String base = "http://localhost" + ":" + hub.getEnvironment().getProperty("local.server.port");
            // the README's way: the generated development secret from the data dir
            Properties secrets = new Properties();
            try (Reader in = Files.newBufferedReader(dataDir.resolve("dev-secrets.properties"))) {
                secrets.load(in);
            }
            String secret = secrets.getProperty("carehub.security.local-issuer.client-secret");
            assertThat(secret).isNotBlank();

            String agent = token(base, "dev-agent", secret);
            assertThat(get(base + "/api/pools/private-billing/conversations", agent)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(get(base + "/api/privacy/transcripts/export?from=2020-01-01&to=2030-01-01", agent)
                            .statusCode())
                    .isEqualTo(403);
            assertThat(get(base + "/api/access-log", token(base, "dev-privacy-officer", secret))
                            .statusCode())
                    .isEqualTo(200);
            assertThat(get(base + "/actuator/metrics", token(base, "dev-ops", secret))
                            .statusCode())
                    .isEqualTo(200);
            assertThat(get(base + "/actuator/metrics", token(base, "dev-integrator", secret))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(get(base + "/api/pools/private-billing/conversations", token(base, "dev-supervisor", secret))
                            .statusCode())
                    .isEqualTo(200);

            HttpResponse<String> wrongSecret = tokenResponse(base, "dev-agent", "not-" + secret);
            assertThat(wrongSecret.statusCode()).isEqualTo(401);
            assertThat(get(base + "/api/pools/private-billing/conversations", null)
                            .statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void prodProfileTurnsTheIssuerOffAndRefusesToStartWithIt() throws Exception {
        List<PropertySource<?>> prod =
                new YamlPropertySourceLoader().load("prod", new ClassPathResource("application-prod.yml"));
        assertThat(prod.get(0).getProperty("carehub.security.local-issuer.enabled"))
                .isEqualTo(false);

        new ApplicationContextRunner()
                .withInitializer(context -> context.getEnvironment().setActiveProfiles("prod"))
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withUserConfiguration(AccessConfiguration.class, LocalTokenIssuer.class)
                .withPropertyValues(
                        "carehub.security.local-issuer.enabled=true",
                        "carehub.security.local-issuer.client-secret=s3cret")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("local-issuer.enabled is true in the prod profile"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AccessProperties.class)
    static class AccessConfiguration {}

    private String token(String base, String client, String secret) throws Exception {
        HttpResponse<String> response = tokenResponse(base, client, secret);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return mapper.readTree(response.body()).path("access_token").asText();
    }

    private HttpResponse<String> tokenResponse(String base, String client, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
