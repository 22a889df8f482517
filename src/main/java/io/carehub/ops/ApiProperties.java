package io.carehub.ops;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * REST API access ({@code carehub.api.*}).
 *
 * @param tokens bearer tokens accepted on /api/** and on actuator endpoints other than health and
 *               prometheus; secret, comma-separated in an environment variable (CAREHUB_API_TOKENS)
 */
@ConfigurationProperties("carehub.api")
public record ApiProperties(@DefaultValue List<String> tokens) {
}
