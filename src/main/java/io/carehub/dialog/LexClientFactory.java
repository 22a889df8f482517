package io.carehub.dialog;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lexruntimev2.LexRuntimeV2Client;
import software.amazon.awssdk.services.lexruntimev2.LexRuntimeV2ClientBuilder;

/** Builds the AWS Lex V2 runtime client from {@code carehub.dialog.lex.*}. */
final class LexClientFactory {

    /** One retry at most: longer SDK retries would hide an outage from the platform's circuit breaker. */
    private static final int MAX_ATTEMPTS = 2;

    private LexClientFactory() {}

    static LexRuntimeV2Client create(DialogProperties.Lex config, Duration timeout) {
        LexRuntimeV2ClientBuilder builder = LexRuntimeV2Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeout)
                        .socketTimeout(timeout))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(timeout)
                        .apiCallTimeout(timeout.multipliedBy(MAX_ATTEMPTS))
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(MAX_ATTEMPTS)
                                .build())
                        .build());
        if (!config.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(config.endpoint()));
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(DialogProperties.Lex config) {
        if (config.accessKeyId().isBlank()) {
            return DefaultCredentialsProvider.create(); // instance role, environment, profile
        }
        if (config.secretAccessKey().isBlank()) {
            throw new IllegalStateException("carehub.dialog.lex.access-key-id is set but "
                    + "carehub.dialog.lex.secret-access-key (secret CAREHUB_DIALOG_LEX_SECRET_ACCESS_KEY) is empty");
        }
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey()));
    }
}
