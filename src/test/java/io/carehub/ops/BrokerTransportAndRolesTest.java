package io.carehub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R48 on the broker, against the production broker.xml's security-settings: clients reach it over TLS only, with the
 * certificate and host name verified; agent desktops may only consume the pools' queues; the hub's account cannot
 * manage the broker or delete its queues (the administrator can, which shows the refusals are about roles).
 */
class BrokerTransportAndRolesTest {

    @TempDir
    static Path directory;

    private static DevCertificates certs;
    private static TlsBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        certs = DevCertificates.make(directory.resolve("certs"));
        broker = TlsBroker.start(certs, directory.resolve("broker"));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void agentDesktopConsumesTheHandOffsOfItsPool() throws Exception {
        try (Connection hub = connect(TlsBroker.HUB);
                Connection agent = connect(TlsBroker.AGENT)) {
            Session hubSession = hub.createSession(false, Session.AUTO_ACKNOWLEDGE);
            hubSession
                    .createProducer(hubSession.createQueue("carehub.pool.billing"))
                    .send(hubSession.createTextMessage("hand-off 1"));
            agent.start();
            Session agentSession = agent.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = agentSession.createConsumer(agentSession.createQueue("carehub.pool.billing"));

            assertThat(((TextMessage) consumer.receive(10_000)).getText()).isEqualTo("hand-off 1");
        }
    }

    @Test
    void agentDesktopCannotReadTheBufferOrSendToAPool() throws Exception {
        try (Connection agent = connect(TlsBroker.AGENT)) {
            Session session = agent.createSession(false, Session.AUTO_ACKNOWLEDGE);

            assertThatThrownBy(() -> session.createConsumer(session.createQueue("carehub.buffer")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("carehub.outbound")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createProducer(session.createQueue("carehub.pool.billing"))
                            .send(session.createTextMessage("forged hand-off")))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void hubCannotManageTheBrokerButTheAdministratorCan() throws Exception {
        assertThat(brokerVersionAs(TlsBroker.ADMIN)).isNotBlank();

        assertThatThrownBy(() -> brokerVersionAs(TlsBroker.HUB)).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> brokerVersionAs(TlsBroker.AGENT)).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void hubCannotDeleteTheBufferQueue() throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator(broker.url("localhost", certs));
                ClientSessionFactory factory = locator.createSessionFactory();
                ClientSession session = factory.createSession(
                        TlsBroker.HUB, TlsBroker.password(TlsBroker.HUB), false, true, true, false, 0)) {
            assertThatThrownBy(() -> session.deleteQueue("carehub.buffer"))
                    .isInstanceOf(ActiveMQSecurityException.class);
            assertThat(session.queueQuery(org.apache.activemq.artemis.api.core.SimpleString.of("carehub.buffer"))
                            .isExists())
                    .isTrue();
        }
    }

    @Test
    void refusesAClientThatDialsAHostTheCertificateDoesNotName() {
        // the certificate names localhost, artemis-primary and artemis-backup, not the address 127.0.0.1
        assertThatThrownBy(() -> connect(broker.url("127.0.0.1", certs), TlsBroker.HUB))
                .isInstanceOf(JMSException.class);
    }

    @Test
    void refusesABrokerCertificateFromAnotherCa() throws Exception {
        DevCertificates other = DevCertificates.make(directory.resolve("other-ca"));

        assertThatThrownBy(() -> connect(broker.url("localhost", other), TlsBroker.HUB))
                .isInstanceOf(JMSException.class);
    }

    @Test
    void refusesPlainTcp() {
        assertThatThrownBy(() -> connect("tcp://localhost:" + broker.port() + "?callTimeout=5000", TlsBroker.HUB))
                .isInstanceOf(JMSException.class);
    }

    private static String brokerVersionAs(String user) throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.url("localhost", certs));
                QueueConnection connection = factory.createQueueConnection(user, TlsBroker.password(user))) {
            connection.start();
            QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueRequestor requestor = new QueueRequestor(session, session.createQueue("activemq.management"));
            Message request = session.createMessage();
            JMSManagementHelper.putAttribute(request, ResourceNames.BROKER, "Version");
            Message reply = requestor.request(request);
            assertThat(JMSManagementHelper.hasOperationSucceeded(reply)).isTrue();
            return String.valueOf(JMSManagementHelper.getResult(reply));
        }
    }

    private static Connection connect(String user) throws JMSException {
        return connect(broker.url("localhost", certs), user);
    }

    /** A connection of its own factory (closing the factory would close the connection). */
    private static Connection connect(String url, String user) throws JMSException {
        return new ActiveMQConnectionFactory(url).createConnection(user, TlsBroker.password(user));
    }
}
