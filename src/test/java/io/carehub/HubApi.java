package io.carehub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.core.env.Environment;

/** HTTP calls to the hub under test on its random port. */
public final class HubApi {

    private final Environment environment;
    private final HttpClient http = HttpClient.newHttpClient();

    HubApi(Environment environment) {
        this.environment = environment;
    }

    /** The port the hub listens on; known once the web server has started. */
    public int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    public String url(String path) {
        return "http://localhost:" + port() + path;
    }

    /** GET {@code path}, with a bearer token unless {@code token} is null. */
    public HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** POST {@code path} with a JSON body, with a bearer token unless {@code token} is null. */
    public HttpResponse<String> post(String path, String token, String json) {
        return send(request("POST", path, token, json));
    }

    /** {@code method} on {@code path} exactly as given (not normalized), with a bearer token unless it is null. */
    public HttpRequest request(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
