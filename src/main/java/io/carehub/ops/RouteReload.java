package io.carehub.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * R41: ops change {@code routes/*.yaml} and the hub takes the change without a restart. Every {@code check} the files of
 * {@code carehub.routes-dir} are hashed; a new version is validated as a whole ({@link RouteSetValidator}) and only then
 * swapped in ({@link RouteSwap}). A rejected version leaves the running routes as they are and is logged once, on one
 * line naming the file and the problem. The loaded version shows as the gauge {@code carehub.routes.version} and at
 * {@code GET /api/ops/routes}.
 */
@Component
public class RouteReload {

    private static final Logger LOG = LoggerFactory.getLogger(RouteReload.class);

    private final CamelContext camel;
    private final RouteSetValidator validator;
    private final RouteSwap swap;
    private final RouteReloadProperties properties;
    private final Path directory;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter applied;
    private final Counter rejected;

    private volatile RouteSet loaded;
    private volatile Instant loadedAt;
    private volatile Rejection lastRejection;
    private volatile boolean swapping;
    private Gauge versionGauge;
    private ScheduledExecutorService timer;

    RouteReload(
            CamelContext camel,
            RouteSetValidator validator,
            RouteSwap swap,
            RouteReloadProperties properties,
            HubProperties hub,
            MeterRegistry registry,
            Clock clock) {
        this.camel = camel;
        this.validator = validator;
        this.swap = swap;
        this.properties = properties;
        this.directory = Path.of(hub.routesDir());
        this.registry = registry;
        this.clock = clock;
        this.applied = reloads("applied");
        this.rejected = reloads("rejected");
    }

    /** The loaded set's version, its files with their routes and states, and the last rejected version. */
    public record Status(
            String version, Instant loadedAt, boolean reloadEnabled, List<File> files, Rejection lastRejection) {}

    public record File(String name, String sha256, List<RouteState> routes) {}

    public record RouteState(String id, String status) {}

    /** A version that did not replace the running routes: its file and the problem. */
    public record Rejection(String version, String file, String problem, Instant at) {}

    /** Camel has started the routes it loaded from the files: they are the first loaded set. */
    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() throws IOException, RouteSetRejectedException {
        loaded = validator.parse(RouteFiles.read(directory));
        loadedAt = clock.instant();
        showVersion();
        LOG.info(
                "route files version {} loaded from {} ({} files, {} routes); reload {}",
                loaded.version(),
                directory,
                loaded.parsed().size(),
                loaded.routeIds().size(),
                properties.enabled() ? "every " + properties.check().toMillis() + " ms" : "off");
        if (properties.enabled() && timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("carehub-route-reload").daemon().factory());
            long period = properties.check().toMillis();
            timer.scheduleWithFixedDelay(this::checkQuietly, period, period, TimeUnit.MILLISECONDS);
        }
    }

    @EventListener(ContextClosedEvent.class)
    synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    /** Compares the files with the loaded set and swaps in a changed, valid set. */
    public synchronized void check() {
        RouteSet running = loaded;
        if (running == null) {
            return;
        }
        RouteFiles files;
        try {
            files = RouteFiles.read(directory);
        } catch (IOException e) {
            reject(null, new RouteSetRejectedException(directory.toString(), "cannot read: " + e.getMessage()));
            return;
        }
        String version = files.version();
        Rejection last = lastRejection;
        if (version.equals(running.version()) || (last != null && version.equals(last.version()))) {
            return;
        }
        RouteSet next;
        try {
            next = validator.validate(files, running);
        } catch (RouteSetRejectedException e) {
            reject(version, e);
            return;
        }
        swapping = true;
        try {
            Set<String> affected = swap.apply(running, next);
            loaded = next;
            loadedAt = clock.instant();
            lastRejection = null;
            applied.increment();
            showVersion();
            LOG.info(
                    "route files version {} replaced version {}: files {} swapped, {} routes running",
                    version,
                    running.version(),
                    affected,
                    next.routeIds().size());
        } catch (Exception e) {
            // RouteSwap logged it and put the previous routes back
            reject(
                    version,
                    new RouteSetRejectedException(
                            "routes", "failed to start: " + RouteSetRejectedException.oneLine(e)));
        } finally {
            swapping = false;
        }
    }

    /** True while routes are being swapped: the webhook answers 503 meanwhile, and Meta retries (R10). */
    public boolean swapping() {
        return swapping;
    }

    public Status status() {
        RouteSet set = loaded;
        List<File> files = new ArrayList<>();
        if (set != null) {
            for (Map.Entry<String, RouteSet.Parsed> file : set.parsed().entrySet()) {
                List<RouteState> routes = file.getValue().routeIds().stream()
                        .map(id -> new RouteState(id, state(id)))
                        .toList();
                files.add(new File(file.getKey(), set.files().hash(file.getKey()), routes));
            }
        }
        return new Status(set == null ? null : set.version(), loadedAt, properties.enabled(), files, lastRejection);
    }

    /** The ids of the loaded set's routes (empty before start). */
    public List<String> routeIds() {
        RouteSet set = loaded;
        return set == null ? List.of() : set.routeIds();
    }

    private String state(String id) {
        ServiceStatus status = camel.getRouteController().getRouteStatus(id);
        return status == null ? "Missing" : status.name();
    }

    private void reject(String version, RouteSetRejectedException e) {
        LOG.warn(
                "route files version {} rejected, the running routes (version {}) stay: {}: {}",
                version,
                loaded.version(),
                e.file(),
                e.problem());
        rejected.increment();
        lastRejection = new Rejection(version, e.file(), e.problem(), clock.instant());
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.error("route reload check failed: {}", RouteSetRejectedException.oneLine(e));
        }
    }

    /** The gauge carehub.routes.version{version=...} = 1 for the loaded set only. */
    private void showVersion() {
        if (versionGauge != null) {
            registry.remove(versionGauge);
        }
        versionGauge = Gauge.builder("carehub.routes.version", () -> 1)
                .description("The loaded set of route files (R41); tag version: hash of their names and contents")
                .tag("version", loaded.version())
                .register(registry);
    }

    private Counter reloads(String outcome) {
        return Counter.builder("carehub.routes.reloads")
                .description("Changed sets of route files swapped in (applied) or refused (rejected), R41")
                .tag("outcome", outcome)
                .register(registry);
    }
}
