package io.carehub.whatsapp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * R6/§4 Security: which media URLs the hub fetches with its bearer token: HTTPS to a host of the allow-list
 * ({@code carehub.media.allowed-hosts}, default Meta's media CDN); plain HTTP only to a host named in
 * {@code carehub.media.plain-http-hosts} (development and tests). Anything else, malformed or not HTTP, is refused.
 */
final class MediaUrlPolicy {

    private final List<String> allowedHosts;
    private final List<String> plainHttpHosts;

    MediaUrlPolicy(List<String> allowedHosts, List<String> plainHttpHosts) {
        this.allowedHosts = lowerCase(allowedHosts);
        this.plainHttpHosts = lowerCase(plainHttpHosts);
    }

    /** The URL to fetch, or {@link MediaRefusedException} saying why not (never quoting the URL: it names the file). */
    URI check(String url) throws MediaRefusedException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new MediaRefusedException("media url is malformed");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new MediaRefusedException("media url is not https");
        }
        if (host.isEmpty() || uri.getRawUserInfo() != null) {
            throw new MediaRefusedException("media url is malformed");
        }
        if (!matches(allowedHosts, host)) {
            throw new MediaRefusedException("media host is not allowed");
        }
        if (scheme.equals("http") && !matches(plainHttpHosts, host)) {
            throw new MediaRefusedException("media url is not https");
        }
        return uri;
    }

    /** "lookaside.fbsbx.com" matches itself, "*.fbsbx.com" every subdomain of fbsbx.com. */
    private static boolean matches(List<String> patterns, String host) {
        for (String pattern : patterns) {
            if (pattern.startsWith("*.") ? host.endsWith(pattern.substring(1)) : host.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> lowerCase(List<String> hosts) {
        return hosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    }

    /** A URL the hub will not fetch: final, a retry would get the same answer. */
    static final class MediaRefusedException extends Exception {
        MediaRefusedException(String message) {
            super(message);
        }
    }
}
