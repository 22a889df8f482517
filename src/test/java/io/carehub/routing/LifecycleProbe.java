package io.carehub.routing;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCreatedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Which documented messages the conversation lifecycle has finished with: an exchange of the route
 * {@code conversation-lifecycle} that carried the message's row id and completed without error. A failed attempt
 * (rolled back to the broker) does not count; its redelivery does.
 */
final class LifecycleProbe extends EventNotifierSupport {

    private static final String ROUTE = "conversation-lifecycle";
    private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\"\\s*:\\s*(\\d+)");

    private final Map<String, Long> inFlight = new ConcurrentHashMap<>();
    private final Set<Long> handled = ConcurrentHashMap.newKeySet();

    LifecycleProbe() {
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreStepEvents(true);
    }

    /** True once the lifecycle has handled the message with this row id. */
    boolean handled(long messageId) {
        return handled.contains(messageId);
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeCreatedEvent created
                && ROUTE.equals(created.getExchange().getFromRouteId())) {
            Matcher id = MESSAGE_ID.matcher(
                    String.valueOf(created.getExchange().getIn().getBody(String.class)));
            if (id.find()) {
                inFlight.put(created.getExchange().getExchangeId(), Long.valueOf(id.group(1)));
            }
        } else if (event instanceof ExchangeCompletedEvent completed) {
            Long id = inFlight.remove(completed.getExchange().getExchangeId());
            if (id != null && completed.getExchange().getException() == null) {
                handled.add(id);
            }
        } else if (event instanceof ExchangeFailedEvent failed) {
            inFlight.remove(failed.getExchange().getExchangeId());
        }
    }
}
