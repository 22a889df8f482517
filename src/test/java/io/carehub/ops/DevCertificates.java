package io.carehub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

/**
 * The development certificates of scripts/dev-certs.sh (R48), made by running the script itself into a directory.
 * A missing openssl or keytool fails the test, naming the tool: a skipped check would promise nothing.
 */
public record DevCertificates(Path directory, String password) {

    public static final String PASSWORD = "dev-certs-test-password";

    public static DevCertificates make(Path directory) throws IOException, InterruptedException {
        for (String tool : new String[] {"openssl", "keytool"}) {
            assertThat(onPath(tool))
                    .as(
                            "%s must be installed to make and check the development certificates (scripts/dev-certs.sh)",
                            tool)
                    .isTrue();
        }
        Path script = repositoryRoot().resolve("scripts/dev-certs.sh");
        ProcessBuilder builder =
                new ProcessBuilder("bash", script.toString(), directory.toString()).redirectErrorStream(true);
        builder.environment().put("CAREHUB_TLS_KEYSTORE_PASSWORD", PASSWORD);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("dev-certs.sh finished")
                .isTrue();
        assertThat(process.exitValue())
                .as("dev-certs.sh exit code, output:%n%s", output)
                .isZero();
        return new DevCertificates(directory, PASSWORD);
    }

    public Path file(String name) {
        return directory.resolve(name);
    }

    public X509Certificate pem(String name) throws Exception {
        try (InputStream in = Files.newInputStream(file(name))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    public KeyStore pkcs12(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file(name))) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private static boolean onPath(String tool) throws InterruptedException {
        try {
            Process which = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
            return which.waitFor(10, TimeUnit.SECONDS) && which.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isRegularFile(directory.resolve("scripts/dev-certs.sh"))) {
            directory = directory.getParent();
        }
        assertThat(directory).as("repository root (scripts/dev-certs.sh)").isNotNull();
        return directory;
    }
}
