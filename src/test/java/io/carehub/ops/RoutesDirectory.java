package io.carehub.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * R41: an editable copy of routes/, one per test run. As the context's initializer it points the hub at the copy and
 * lets it look for changed route files every 200 ms and read the queue depths every 500 ms.
 */
public final class RoutesDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final Path ORIGINAL = Path.of("routes");
    static final Path ROUTES = copy();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "routesDirectory",
                        Map.of(
                                "carehub.routes-dir", ROUTES.toString(),
                                "carehub.routes-reload.enabled", "true",
                                "carehub.routes-reload.check", "200ms",
                                "carehub.metrics.queue-refresh", "500ms")));
    }

    /** Writes a route file in one step (beside it, hidden, then moved over it): the hub never reads half of it. */
    static void write(String file, String yaml) {
        try {
            Path edit = Files.createTempFile(ROUTES, ".edit-", ".tmp");
            Files.writeString(edit, yaml, StandardCharsets.UTF_8);
            Files.move(edit, ROUTES.resolve(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String file) {
        try {
            return Files.readString(ORIGINAL.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(String file) {
        try {
            Files.deleteIfExists(ROUTES.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts the copy back to routes/: changed files restored, added ones deleted, removed ones back. */
    static void restore() {
        try (Stream<Path> files = Files.list(ROUTES)) {
            for (Path file : files.toList()) {
                if (!Files.exists(ORIGINAL.resolve(file.getFileName()))) {
                    Files.delete(file);
                }
            }
            try (Stream<Path> originals = Files.list(ORIGINAL)) {
                for (Path original : originals.toList()) {
                    Path copy = ROUTES.resolve(original.getFileName());
                    if (!Files.exists(copy) || Files.mismatch(copy, original) != -1) {
                        write(original.getFileName().toString(), Files.readString(original));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copy() {
        try {
            Path directory = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "test-routes-");
            try (Stream<Path> files = Files.list(ORIGINAL)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                    Files.copy(file, directory.resolve(file.getFileName()));
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
