package io.carehub.routing;

import io.carehub.routing.RoutingRulesParser.InvalidRulesException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * R21: holds the current routing rules. Ops change the file ({@code carehub.routing.rules-file});
 * a changed file is validated and only then replaces the running rules — a broken file is
 * rejected with a log line naming every problem and the previous rules stay.
 */
@Component("routingRules")
public class RoutingRulesSource {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingRulesSource.class);
    static final String BUILT_IN = "routing-rules.yaml";

    private final RoutingRulesParser parser = new RoutingRulesParser();
    private final AtomicReference<RoutingRules> current = new AtomicReference<>();
    private final Path file;
    private final AtomicLong rejectedReloads = new AtomicLong();
    private volatile FileTime loadedVersion;

    public RoutingRulesSource(RoutingProperties properties) throws IOException {
        String rulesFile = properties.rulesFile();
        this.file = rulesFile == null || rulesFile.isBlank() ? null : Path.of(rulesFile);
        byte[] initial;
        if (file == null) {
            try (InputStream in = new ClassPathResource(BUILT_IN).getInputStream()) {
                initial = in.readAllBytes();
            }
            LOG.info(
                    "routing rules: built-in {} (set carehub.routing.rules-file to edit them without a code change)",
                    BUILT_IN);
        } else {
            loadedVersion = Files.getLastModifiedTime(file);
            initial = Files.readAllBytes(file);
        }
        try {
            current.set(parser.parse(initial));
        } catch (InvalidRulesException e) {
            throw new IllegalStateException(
                    "routing rules " + (file == null ? BUILT_IN : file) + " are invalid: " + e.getMessage());
        }
    }

    public RoutingRules current() {
        return current.get();
    }

    /** Reloads refused since start, the file invalid or unreadable; the running rules stayed each time. */
    public long rejectedReloads() {
        return rejectedReloads.get();
    }

    /** Reloads the rules file when it changed; returns true when new rules are in force. */
    @Handler
    public boolean reloadIfChanged() {
        if (file == null) {
            return false;
        }
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(loadedVersion)) {
                return false;
            }
            loadedVersion = modified;
            RoutingRules rules = parser.parse(Files.readAllBytes(file));
            current.set(rules);
            LOG.info(
                    "routing rules reloaded from {}: {} pools, {} topics",
                    file,
                    rules.pools().size(),
                    rules.topics().size());
            return true;
        } catch (InvalidRulesException e) {
            rejectedReloads.incrementAndGet();
            LOG.error("routing rules file {} rejected, previous rules stay in force: {}", file, e.getMessage());
        } catch (IOException e) {
            rejectedReloads.incrementAndGet();
            LOG.error("routing rules file {} unreadable, previous rules stay in force: {}", file, e.getMessage());
        }
        return false;
    }
}
