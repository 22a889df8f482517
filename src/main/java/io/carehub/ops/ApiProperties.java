package io.carehub.ops;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * REST API access ({@code carehub.api.*}).
 *
 * @param tokens bearer tokens accepted on /api/** and on actuator endpoints other than health and
 *               prometheus; secret, comma-separated in an environment variable (CAREHUB_API_TOKENS)
 */
@Validated
@ConfigurationProperties("carehub.api")
public record ApiProperties(List<String> tokens) {

    public ApiProperties {
        tokens = tokens == null ? List.of() : List.copyOf(tokens); // empty value in application.yml: no tokens
    }
}
