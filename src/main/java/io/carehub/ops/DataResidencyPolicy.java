package io.carehub.ops;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Data residency (docs/processing.md): in the prod profile the bot platforms that receive pseudonymized chats run
 * only in the configured regions — watsonx Assistant in {@code carehub.residency.watsonx-regions} (the region its
 * URL's host names), Lex V2 in {@code lex-regions} — and OpenAI only when {@code allow-openai} says so. Checked
 * before anything connects, so a misconfigured endpoint stops start-up naming the setting instead of sending a
 * single chat abroad.
 */
public class DataResidencyPolicy implements EnvironmentPostProcessor, Ordered {

    private static final String WATSONX_DOMAIN = ".assistant.watson.cloud.ibm.com";

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 21;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")
                || !binder.bind("carehub.residency.enforce", Boolean.class).orElse(true)) {
            return;
        }
        List<String> watsonxRegions = regions(binder, "carehub.residency.watsonx-regions");
        List<String> lexRegions = regions(binder, "carehub.residency.lex-regions");
        List<String> problems = new ArrayList<>();
        String watsonx = environment.getProperty("carehub.dialog.watsonx.url", "");
        if (!watsonx.isBlank() && !watsonxRegions.contains(watsonxRegion(watsonx))) {
            problems.add("carehub.dialog.watsonx.url (CAREHUB_DIALOG_WATSONX_URL) must be a watsonx Assistant URL of "
                    + "carehub.residency.watsonx-regions " + watsonxRegions + " (https://api.<region>" + WATSONX_DOMAIN
                    + "/...)");
        }
        if (!environment.getProperty("carehub.dialog.lex.bot-id", "").isBlank()) {
            String region =
                    environment.getProperty("carehub.dialog.lex.region", "").toLowerCase(Locale.ROOT);
            String endpoint = environment.getProperty("carehub.dialog.lex.endpoint", "");
            if (!lexRegions.contains(region)) {
                problems.add("carehub.dialog.lex.region (CAREHUB_DIALOG_LEX_REGION) must be one of "
                        + "carehub.residency.lex-regions " + lexRegions);
            } else if (!endpoint.isBlank() && !host(endpoint).contains("." + region + ".")) {
                problems.add("carehub.dialog.lex.endpoint (CAREHUB_DIALOG_LEX_ENDPOINT) must be an endpoint of region "
                        + region + " (its host names the region)");
            }
        }
        if (environment.getProperty("carehub.dialog.openai.enabled", Boolean.class, false)
                && !binder.bind("carehub.residency.allow-openai", Boolean.class).orElse(false)) {
            problems.add("carehub.dialog.openai.enabled (CAREHUB_DIALOG_OPENAI_ENABLED) needs "
                    + "carehub.residency.allow-openai=true: OpenAI is outside the configured regions");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Data residency: the prod profile sends chats only to bot platforms in the "
                    + "configured regions (carehub.residency.enforce): " + String.join("; ", problems));
        }
    }

    /** The region label before {@value #WATSONX_DOMAIN} in the URL's host, or null if the host is not watsonx's. */
    static String watsonxRegion(String url) {
        String host = host(url);
        if (!host.endsWith(WATSONX_DOMAIN)) {
            return null;
        }
        String[] labels =
                host.substring(0, host.length() - WATSONX_DOMAIN.length()).split("\\.");
        return labels[labels.length - 1];
    }

    private static String host(String url) {
        try {
            String host = URI.create(url.trim()).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static List<String> regions(Binder binder, String key) {
        return binder.bind(key, Bindable.listOf(String.class)).orElse(List.of()).stream()
                .map(region -> region.trim().toLowerCase(Locale.ROOT))
                .toList();
    }
}
