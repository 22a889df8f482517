package io.carehub.dialog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * R23: which dialog platform serves which segment, and where a failing platform's conversations go
 * ({@code carehub.dialog.routing.*}). Checked at start-up: a segment routed to an unconfigured platform
 * stops the hub with the key to set.
 */
@Component
class DialogRouting {

    static final String AGENTS = "agents";
    private static final Logger LOG = LoggerFactory.getLogger(DialogRouting.class);

    private final Map<String, DialogPlatform> platforms = new LinkedHashMap<>();
    private final DialogProperties.Routing routing;

    DialogRouting(List<DialogPlatform> available, DialogProperties properties, Environment environment) {
        available.forEach(platform -> platforms.put(platform.name(), platform));
        this.routing = properties.routing();
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put("carehub.dialog.routing.private-customers", routing.privateCustomers());
        choices.put("carehub.dialog.routing.business", routing.business());
        choices.put("carehub.dialog.routing.unknown", routing.unknown());
        routing.fallback().forEach((from, to) -> choices.put("carehub.dialog.routing.fallback." + from, to));
        boolean prod = environment.acceptsProfiles(Profiles.of("prod"));
        choices.forEach((key, platform) -> {
            if (!AGENTS.equals(platform) && !platforms.containsKey(platform)) {
                throw new IllegalStateException(key + "=" + platform + " but that platform is not configured (known: "
                        + String.join(", ", platforms.keySet()) + ", agents); see carehub.dialog." + platform + ".*");
            }
            if (prod && LocalDialogBot.NAME.equals(platform)) {
                throw new IllegalStateException(key + "=local: the local test bot is a stand-in for the embedded "
                        + "defaults, not for the prod profile (R43)");
            }
        });
        if (Set.copyOf(choices.values()).contains(LocalDialogBot.NAME)) {
            LOG.warn("dialog platform 'local' is the built-in test bot (R43): customers get labelled stand-in answers");
        }
    }

    /** The platform for a segment (PRIVATE, BUSINESS, or null while unknown), or {@value #AGENTS}. */
    String platformFor(String segment) {
        if ("PRIVATE".equals(segment)) {
            return routing.privateCustomers();
        }
        if ("BUSINESS".equals(segment)) {
            return routing.business();
        }
        return routing.unknown();
    }

    /** Where conversations of {@code platform} go while it is unavailable: another platform or {@value #AGENTS}. */
    String fallback(String platform) {
        return routing.fallback().getOrDefault(platform, AGENTS);
    }

    DialogPlatform platform(String name) {
        DialogPlatform platform = platforms.get(name);
        if (platform == null) {
            throw new IllegalArgumentException("no dialog platform '" + name + "'");
        }
        return platform;
    }
}
