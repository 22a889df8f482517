package io.carehub.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * An editable copy of the built-in routing rules (R21), one per test run. As the context's initializer it
 * points the hub at the copy and lets it look for changes and overflowing pools every 200 ms.
 */
public final class RoutingRulesFile implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final Path RULES = rulesCopy();
    private static final AtomicLong EDITS = new AtomicLong(System.nanoTime() % 100_000_000L);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "routingRulesFile",
                        Map.of(
                                "carehub.routing.rules-file", RULES.toString(),
                                "carehub.routing.reload-check", "200ms",
                                "carehub.routing.overflow-check", "200ms")));
    }

    private static Path rulesCopy() {
        try {
            Path file = Files.createTempFile(Files.createDirectories(Path.of("target")), "routing-rules-", ".yaml");
            Files.write(file, new ClassPathResource("routing-rules.yaml").getContentAsByteArray());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the rules file in one step (written beside it, then moved over it), so the hub reads each edit
     * once and whole, never half written: one edit, one reload or one rejection.
     */
    public static void writeRules(String yaml) {
        try {
            Path edit = Files.createTempFile(RULES.getParent(), "routing-rules-edit-", ".yaml");
            Files.writeString(edit, yaml, StandardCharsets.UTF_8);
            // make the change visible even within the file system's timestamp resolution
            Files.setLastModifiedTime(edit, FileTime.from(Instant.now().plusSeconds(EDITS.incrementAndGet() % 1000)));
            Files.move(edit, RULES, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String builtInRules() {
        try {
            return new ClassPathResource("routing-rules.yaml").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
