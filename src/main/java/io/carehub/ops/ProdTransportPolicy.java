package io.carehub.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * R48: in the prod profile every hop speaks TLS with a verified peer. Checked before anything connects, so a
 * forgotten URL parameter stops start-up naming the setting instead of silently talking in clear text: PostgreSQL
 * with {@code sslmode=verify-full} (the driver's default would fall back to clear text), Artemis with
 * {@code sslEnabled=true} and host verification, HTTPS on the server and on a separate management port.
 */
public class ProdTransportPolicy implements EnvironmentPostProcessor, Ordered {

    private static final Pattern VERIFY_FULL = Pattern.compile("[?&]sslmode=verify-full(&|$)");
    private static final Pattern SSL_ENABLED = Pattern.compile("[?&;]sslenabled=true(&|;|\\)|,|$)");
    private static final Pattern HOST_UNVERIFIED = Pattern.compile("[?&;]verifyhost=false");

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 20;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")
                || !Binder.get(environment)
                        .bind("carehub.transport.require-tls", Boolean.class)
                        .orElse(true)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        String database = environment.getProperty("spring.datasource.url", "");
        if (!VERIFY_FULL.matcher(database).find()) {
            problems.add("spring.datasource.url (CAREHUB_DATASOURCE_URL) needs sslmode=verify-full");
        }
        String broker = environment.getProperty("spring.artemis.broker-url", "").toLowerCase(Locale.ROOT);
        if (!SSL_ENABLED.matcher(broker).find()
                || HOST_UNVERIFIED.matcher(broker).find()) {
            problems.add(
                    "spring.artemis.broker-url (CAREHUB_BROKER_URL) needs sslEnabled=true and no verifyHost=false");
        }
        if (!servesTls(environment, "server.ssl")) {
            problems.add("server.ssl needs a bundle or key store (CAREHUB_TLS_KEYSTORE) and must not be disabled");
        }
        String managementPort = environment.getProperty("management.server.port", "");
        if (!managementPort.isBlank()
                && !managementPort.equals(environment.getProperty("server.port"))
                && !"-1".equals(managementPort)
                && !servesTls(environment, "management.server.ssl")) {
            problems.add("management.server.ssl needs a bundle or key store on the management port " + managementPort);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("R48: the prod profile speaks TLS only (carehub.transport.require-tls): "
                    + String.join("; ", problems));
        }
    }

    private static boolean servesTls(ConfigurableEnvironment environment, String prefix) {
        return !"false".equalsIgnoreCase(environment.getProperty(prefix + ".enabled", "true"))
                && (hasText(environment.getProperty(prefix + ".bundle"))
                        || hasText(environment.getProperty(prefix + ".key-store")));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
