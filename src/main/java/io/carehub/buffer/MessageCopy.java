package io.carehub.buffer;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.Collections;
import java.util.Set;

/**
 * A new message with the body, message group and application properties of another, for setting a poison aside,
 * parking it and re-driving it (R12, R45). The broker's own properties stay behind: above all Artemis'
 * duplicate-detection id, which would make the broker drop the copy as a duplicate of the original (R5).
 */
final class MessageCopy {

    static final String GROUP_ID = "JMSXGroupID";

    private MessageCopy() {}

    /** The body as sent: byte[] of a BytesMessage, String of a TextMessage. */
    static Object body(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText();
        }
        if (message instanceof BytesMessage) {
            return message.getBody(byte[].class);
        }
        throw new JMSException("only bytes and text messages are copied, not "
                + message.getClass().getSimpleName());
    }

    /** A copy of {@code original} with {@code body}, without the properties named in {@code dropped}. */
    static Message of(Session session, Message original, Object body, Set<String> dropped) throws JMSException {
        Message copy;
        if (body instanceof byte[] bytes) {
            BytesMessage bytesMessage = session.createBytesMessage();
            bytesMessage.writeBytes(bytes);
            copy = bytesMessage;
        } else {
            copy = session.createTextMessage((String) body);
        }
        for (Object property : Collections.list(original.getPropertyNames())) {
            String name = (String) property;
            if (!name.startsWith("_AMQ") && !name.startsWith("JMS") && !dropped.contains(name)) {
                copy.setObjectProperty(name, original.getObjectProperty(name));
            }
        }
        String group = original.getStringProperty(GROUP_ID);
        if (group != null) {
            copy.setStringProperty(GROUP_ID, group); // R13: the customer's (or conversation's) order
        }
        return copy;
    }
}
