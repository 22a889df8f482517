package io.carehub.buffer;

import jakarta.jms.Destination;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQDestination;
import org.springframework.jms.support.destination.DestinationResolver;
import org.springframework.stereotype.Component;

/**
 * The routes' {@code jms:} endpoints (pool hand-offs, outbound, lifecycle consumers) name their queues
 * client-side, as the {@code jms-batch:} producer does: Artemis' {@code Session.createQueue}
 * asks the broker on every send. Sending to an address works as before (the queues are declared with the
 * broker; Artemis' auto-create applies as it did).
 */
@Component("clientSideDestinations")
public class ClientSideDestinations implements DestinationResolver {

    @Override
    public Destination resolveDestinationName(Session session, String name, boolean pubSubDomain) {
        return pubSubDomain ? ActiveMQDestination.createTopic(name) : ActiveMQDestination.createQueue(name);
    }
}
