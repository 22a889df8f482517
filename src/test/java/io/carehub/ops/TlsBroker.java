package io.carehub.ops;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

/**
 * An in-process Artemis broker with the production broker's TLS acceptor and least-privilege security (R48): the
 * security-settings, address settings and addresses of src/main/docker/artemis/primary/broker.xml, the three accounts
 * the compose stack's entrypoint writes (administrator "amq", hub "hub", agent desktops "agent"), and an acceptor that
 * serves the artemis.p12 of scripts/dev-certs.sh.
 */
final class TlsBroker implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String HUB = "carehub";
    static final String AGENT = "agent-desktop";
    static final String PASSWORD_SUFFIX = "-broker-password";

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final int port;

    private TlsBroker(int port) {
        this.port = port;
    }

    static TlsBroker start(DevCertificates certs, Path dataDirectory) throws Exception {
        TlsBroker tls = new TlsBroker(freePort());
        Configuration production = productionBrokerXml();
        Configuration configuration = new ConfigurationImpl()
                .setName("carehub-tls-test")
                .setPersistenceEnabled(false)
                .setSecurityEnabled(true)
                .setJournalDirectory(dataDirectory.resolve("journal").toString())
                .setBindingsDirectory(dataDirectory.resolve("bindings").toString())
                .setPagingDirectory(dataDirectory.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDirectory.resolve("large").toString())
                .setSecurityRoles(production.getSecurityRoles())
                .setAddressSettings(production.getAddressSettings())
                .setAddressConfigurations(production.getAddressConfigurations());
        configuration.addAcceptorConfiguration(
                "tls",
                "tcp://localhost:" + tls.port + "?protocols=CORE;sslEnabled=true;keyStoreType=PKCS12;keyStorePath="
                        + certs.file("artemis.p12") + ";keyStorePassword=" + certs.password());
        SecurityConfiguration accounts = new SecurityConfiguration();
        accounts.addUser(ADMIN, password(ADMIN));
        accounts.addRole(ADMIN, "amq");
        accounts.addUser(HUB, password(HUB));
        accounts.addRole(HUB, "hub");
        accounts.addUser(AGENT, password(AGENT));
        accounts.addRole(AGENT, "agent");
        tls.broker.setConfiguration(configuration);
        tls.broker.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), accounts));
        tls.broker.start();
        return tls;
    }

    static String password(String user) {
        return user + PASSWORD_SUFFIX;
    }

    int port() {
        return port;
    }

    /** A client URL for this broker over TLS, verifying the certificate against the truststore and the host name. */
    String url(String host, DevCertificates trusted) {
        return "tcp://" + host + ":" + port + "?sslEnabled=true&verifyHost=true&trustStoreType=PKCS12&trustStorePath="
                + trusted.file("truststore.p12") + "&trustStorePassword=" + trusted.password();
    }

    EmbeddedActiveMQ embedded() {
        return broker;
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }

    /** The production broker.xml as Artemis parses it (its environment placeholders stay unresolved). */
    static Configuration productionBrokerXml() throws Exception {
        Path file = DevCertificates.repositoryRoot().resolve("src/main/docker/artemis/primary/broker.xml");
        FileConfiguration configuration = new FileConfiguration();
        FileDeploymentManager deploymentManager =
                new FileDeploymentManager(file.toUri().toString());
        deploymentManager.addDeployable(configuration);
        deploymentManager.readConfiguration();
        return configuration;
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
