package io.carehub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R48: scripts/dev-certs.sh makes one development CA and, signed by it, a server certificate for each TLS hop of the
 * compose stack, named for the host names the clients verify (the compose service names and localhost).
 */
class DevCertsScriptTest {

    @TempDir
    static Path directory;

    private static DevCertificates certs;
    private static X509Certificate ca;

    @BeforeAll
    static void runTheScript() throws Exception {
        certs = DevCertificates.make(directory.resolve("certs"));
        ca = certs.pem("ca.crt");
    }

    @Test
    void caIsASelfSignedCertificateAuthorityThatSignsOnly() throws Exception {
        ca.verify(ca.getPublicKey());
        assertThat(ca.getSubjectX500Principal()).isEqualTo(ca.getIssuerX500Principal());
        assertThat(ca.getBasicConstraints()).as("CA with path length 0").isZero();
        assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(ca.getKeyUsage()[0]).as("digitalSignature").isFalse();
    }

    @Test
    void hubKeystoreHoldsTheHubCertificateChainedToTheCa() throws Exception {
        assertServerChain(certs.pkcs12("hub.p12"), "hub", List.of("carehub", "localhost"));
    }

    @Test
    void artemisKeystoreServesBothBrokersOfThePair() throws Exception {
        assertServerChain(
                certs.pkcs12("artemis.p12"), "artemis", List.of("artemis-primary", "artemis-backup", "localhost"));
    }

    @Test
    void postgresCertificateIsSignedByTheCaAndItsKeyIsReadableOnlyByItsOwner() throws Exception {
        X509Certificate postgres = certs.pem("postgres.crt");
        assertServerCertificate(postgres, List.of("postgres", "localhost"));
        // PostgreSQL refuses to start with a key file others may read
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(certs.file("postgres.key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(certs.file("ca.key"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(certs.file("postgres.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void truststoreTrustsOnlyTheCa() throws Exception {
        KeyStore truststore = certs.pkcs12("truststore.p12");
        assertThat(java.util.Collections.list(truststore.aliases())).containsExactly("carehub-dev-ca");
        assertThat(truststore.isCertificateEntry("carehub-dev-ca")).isTrue();
        assertThat(truststore.getCertificate("carehub-dev-ca")).isEqualTo(ca);
    }

    @Test
    void refusesToOverwriteExistingCertificates() throws Exception {
        ProcessBuilder again = new ProcessBuilder(
                        "bash",
                        DevCertificates.repositoryRoot()
                                .resolve("scripts/dev-certs.sh")
                                .toString(),
                        certs.directory().toString())
                .redirectErrorStream(true);
        again.environment().put("CAREHUB_TLS_KEYSTORE_PASSWORD", certs.password());
        Process process = again.start();
        String output = new String(process.getInputStream().readAllBytes());

        assertThat(process.waitFor()).isEqualTo(2);
        assertThat(output).contains("is not empty");
        assertThat(certs.pem("ca.crt")).isEqualTo(ca);
    }

    private static void assertServerChain(KeyStore keystore, String alias, List<String> hostNames) throws Exception {
        assertThat(java.util.Collections.list(keystore.aliases())).containsExactly(alias);
        assertThat(keystore.getKey(alias, certs.password().toCharArray())).isInstanceOf(PrivateKey.class);
        Certificate[] chain = keystore.getCertificateChain(alias);
        assertThat(chain).hasSize(2);
        assertThat(chain[1]).as("chain ends in the CA").isEqualTo(ca);
        X509Certificate server = (X509Certificate) chain[0];
        assertServerCertificate(server, hostNames);
        assertThat(server.getPublicKey())
                .isEqualTo(keystore.getCertificate(alias).getPublicKey());
    }

    private static void assertServerCertificate(X509Certificate server, List<String> hostNames) throws Exception {
        server.verify(ca.getPublicKey());
        assertThat(server.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThat(server.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        // DNS names only: clients verify the service name they dial
        assertThat(server.getSubjectAlternativeNames())
                .allSatisfy(san -> assertThat(san.get(0)).as("SAN type DNS").isEqualTo(2))
                .map(san -> String.valueOf(san.get(1)))
                .containsExactlyInAnyOrderElementsOf(hostNames);
        // valid now, and no longer than the 398 days browsers accept for a server certificate
        Instant notAfter = server.getNotAfter().toInstant();
        server.checkValidity();
        assertThat(Duration.between(server.getNotBefore().toInstant(), notAfter))
                .isLessThanOrEqualTo(Duration.ofDays(398))
                .isGreaterThan(Duration.ofDays(300));
        assertThat(ca.getNotAfter().toInstant())
                .as("the CA outlives its certificates")
                .isAfter(notAfter);
    }
}
