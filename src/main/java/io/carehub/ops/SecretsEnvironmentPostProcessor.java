package io.carehub.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Secrets come only from the environment / secret store. In the {@code prod} profile a missing one
 * stops start-up with a message naming the key; in the default profile throwaway dev values are
 * generated once, kept under the data dir (so the encrypted buffer survives a restart) and logged as such.
 */
public class SecretsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DEV_SECRETS_FILE = "dev-secrets.properties";
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private enum Secret {
        APP_SECRET("carehub.whatsapp.app-secret", true, true),
        VERIFY_TOKEN("carehub.whatsapp.verify-token", true, true),
        ACCESS_TOKEN("carehub.whatsapp.access-token", false, true),
        BUFFER_KEY("carehub.buffer.encryption-key", true, true),
        // R13: its own key, so the pseudonymous group ids say nothing to whoever holds the app secret
        GROUP_KEY("carehub.buffer.group-key", true, true),
        VAULT_KEY("carehub.privacy.vault-key", true, true),
        // R19: wraps every contact's data key; and the key of the hashes identifiers are looked up by
        CRYPTO_KEK("carehub.crypto.kek", true, true),
        LOOKUP_KEY("carehub.crypto.lookup-key", true, true),
        // the local token issuer of the default profile; prod takes its tokens from the identity provider
        LOCAL_ISSUER_SECRET("carehub.security.local-issuer.client-secret", true, false),
        // R15: the hub's client secret at the customers' identity provider (the local stand-in makes its own)
        LEGITIMATION_CLIENT_SECRET("carehub.legitimation.identity-provider.client-secret", false, false),
        // the embedded PostgreSQL of the default profile; prod connects with spring.datasource.*
        POSTGRES_PASSWORD("carehub.postgres.password", true, false);

        final String key;
        final boolean generatedForDev;
        final boolean requiredInProd;

        Secret(String key, boolean generatedForDev, boolean requiredInProd) {
            this.key = key;
            this.generatedForDev = generatedForDev;
            this.requiredInProd = requiredInProd;
        }

        String environmentVariable() {
            return key.toUpperCase().replace('.', '_').replace('-', '_');
        }
    }

    private final Log log;
    private final SecureRandom random = new SecureRandom();

    public SecretsEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(SecretsEnvironmentPostProcessor.class);
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean prod = Arrays.asList(environment.getActiveProfiles()).contains("prod");
        List<Secret> missing = Arrays.stream(Secret.values())
                .filter(s -> isMissing(environment, s))
                .toList();
        if (prod) {
            if (Boolean.parseBoolean(environment.getProperty("carehub.whatsapp.stand-in"))) {
                // R43/§4 Security: the local Graph API stand-in is for development; in prod it would swallow messages
                throw new IllegalStateException(
                        "carehub.whatsapp.stand-in=true is refused in the prod profile: the local Graph API stand-in"
                                + " is for development only; set carehub.whatsapp.access-token instead");
            }
            for (Secret secret : missing.stream().filter(s -> s.requiredInProd).toList()) {
                throw new IllegalStateException("Missing required secret '" + secret.key
                        + "' for the prod profile: set " + "the environment variable " + secret.environmentVariable()
                        + " (or the property " + secret.key + ")");
            }
            return;
        }
        if (missing.contains(Secret.ACCESS_TOKEN)) {
            // R43: no account needed on embedded defaults: outbound goes to the hub's local Graph API stand-in
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource("carehubStandIn", Map.of("carehub.whatsapp.stand-in", "true")));
            log.warn("carehub.whatsapp.access-token is not set: outbound messages go to the LOCAL STAND-IN of the "
                    + "Graph API (GET /stand-in/graph/sent shows them) and media downloads are paused "
                    + "(attachments stay PENDING) until it is configured");
        }
        List<Secret> toGenerate =
                missing.stream().filter(s -> s.generatedForDev).toList();
        if (toGenerate.isEmpty()) {
            return;
        }
        Path file = Path.of(
                environment.getRequiredProperty("carehub.data-dir"), DEV_SECRETS_FILE); // default: application.yml
        Properties stored = load(file);
        Map<String, Object> values = new LinkedHashMap<>();
        boolean changed = false;
        for (Secret secret : toGenerate) {
            String value = stored.getProperty(secret.key);
            if (value == null) {
                value = generate(secret);
                stored.setProperty(secret.key, value);
                changed = true;
            }
            values.put(secret.key, value);
        }
        if (changed) {
            save(file, stored);
        } else {
            restrictToOwner(file);
        }
        // first: the keys are blank everywhere else (application.yml lists them empty)
        environment.getPropertySources().addFirst(new MapPropertySource("carehubDevSecrets", values));
        log.warn("DEV MODE: using throwaway secrets for " + values.keySet() + " from " + file.toAbsolutePath()
                + " - never use them in production (profile prod requires real ones)");
    }

    private static boolean isMissing(ConfigurableEnvironment environment, Secret secret) {
        if (secret == Secret.BUFFER_KEY && hasText(environment.getProperty("carehub.buffer.keyset-file"))) {
            return false;
        }
        if (secret == Secret.CRYPTO_KEK && hasText(environment.getProperty("carehub.crypto.kek-keyset-file"))) {
            return false;
        }
        if (secret == Secret.LOCAL_ISSUER_SECRET
                && !environment.getProperty("carehub.security.local-issuer.enabled", Boolean.class, false)) {
            return false; // R47: only the default profile's local token issuer needs it
        }
        return !hasText(environment.getProperty(secret.key));
    }

    private String generate(Secret secret) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return secret == Secret.BUFFER_KEY || secret == Secret.VAULT_KEY || secret == Secret.CRYPTO_KEK
                ? Base64.getEncoder().encodeToString(bytes)
                : "dev-" + HexFormat.of().formatHex(bytes, 0, 16);
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return properties;
    }

    /** Readable by the hub's own user only (0600), also when an older hub wrote it with the default mode. */
    private static void save(Path file, Properties properties) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file) && posix(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            restrictToOwner(file);
            try (OutputStream out = Files.newOutputStream(file)) {
                properties.store(out, "carehub throwaway development secrets - not for production");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            if (posix(file) && Files.exists(file)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict " + file + " to its owner", e);
        }
    }

    private static boolean posix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
