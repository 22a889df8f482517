package io.carehub.dialog;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Builds the RestClient of an HTTP dialog platform on java.net.http with the configured timeouts. */
final class RestClientFactory {

    private RestClientFactory() {
    }

    /**
     * @param baseUrl the platform's base URL, or null when every call names an absolute URL
     * @param timeout connect and read timeout ({@code carehub.dialog.timeout}): a slow platform trips its breaker
     */
    static RestClient create(String baseUrl, Duration timeout) {
        // HTTP/1.1: the JDK's HTTP/2 upgrade on plain-http endpoints (stand-ins, proxies) breaks requests with bodies
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(http);
        requestFactory.setReadTimeout(timeout);
        RestClient.Builder builder = RestClient.builder().requestFactory(requestFactory);
        if (baseUrl != null) {
            builder.baseUrl(stripTrailingSlash(baseUrl));
        }
        return builder.build();
    }

    static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
