package io.carehub.buffer;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/** The duplicate-detection ids (wamids) of what the buffer parked in its dead-letter queue, browsed in place. */
public final class DeadLetters {

    private DeadLetters() {}

    public static List<String> ids(ConnectionFactory connectionFactory, BufferProperties buffer, BufferReader reader)
            throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            QueueBrowser browser = session.createBrowser(session.createQueue(buffer.deadLetterQueue()));
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                ids.add(reader.read(((Message) messages.nextElement()).getBody(byte[].class))
                        .dedupId());
            }
        }
        return ids;
    }
}
