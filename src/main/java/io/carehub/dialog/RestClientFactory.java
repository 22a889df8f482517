package io.carehub.dialog;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.client.RestClient;

/** Builds the RestClient of an HTTP dialog platform on java.net.http with the configured timeouts. */
final class RestClientFactory {

    private RestClientFactory() {}

    /**
     * @param baseUrl the platform's base URL, or null when every call names an absolute URL
     * @param timeout connect and read timeout ({@code carehub.dialog.timeout}): a slow platform trips its breaker
     */
    static RestClient create(String baseUrl, Duration timeout) {
        // HTTP/1.1: the JDK's HTTP/2 upgrade on plain-http endpoints (stand-ins, proxies) breaks requests with bodies
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(http);
        requestFactory.setReadTimeout(timeout);
        RestClient.Builder builder = RestClient.builder()
                .requestFactory(requestFactory)
                .configureMessageConverters(
                        converters -> converters.registerDefaults().withJsonConverter(jackson2()));
        if (baseUrl != null) {
            builder.baseUrl(stripTrailingSlash(baseUrl));
        }
        return builder.build();
    }

    /**
     * The adapters read platform answers as Jackson 2 {@code JsonNode}s, the hub's one JSON line (pom.xml); Spring 7's
     * default JSON converter would be Jackson 3's, which Flyway brings onto the class path.
     */
    @SuppressWarnings("removal")
    private static MappingJackson2HttpMessageConverter jackson2() {
        return new MappingJackson2HttpMessageConverter();
    }

    static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
