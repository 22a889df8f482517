package io.carehub.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One phone's browser on the upload page, over HTTP: it keeps its cookies (the session that holds the CSRF token),
 * opens the page a link names and posts the form as a browser does (multipart/form-data with the CSRF field and the
 * file part, name and Content-Type as the client claims them).
 */
final class UploadForm {

    /** What Chromium asks for when it loads a page. */
    private static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String csrf;

    UploadForm(String base) {
        this.base = base;
    }

    /** GET the link's page; remembers the form's CSRF token when the page has the form. */
    HttpResponse<String> open(String token) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/u/" + token))
                .header("Accept", BROWSER_ACCEPT)
                .GET()
                .build());
        Matcher field = CSRF.matcher(page.body());
        if (field.find()) {
            csrf = field.group(1);
        }
        return page;
    }

    /** POST the form with this file, as the page's form sends it. */
    HttpResponse<String> upload(String token, String filename, String contentType, byte[] content) {
        if (csrf == null) {
            throw new IllegalStateException("open the page first: the form's CSRF token is missing");
        }
        String boundary = "----carehub" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 1024);
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n");
        write(
                body,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(URI.create(base + "/u/" + token))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", BROWSER_ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    private static void write(ByteArrayOutputStream body, String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest request) {
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
