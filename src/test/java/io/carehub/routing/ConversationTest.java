package io.carehub.routing;

import io.carehub.GraphApiStub;
import io.carehub.HubTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The {@link HubTest hub} with a hand-moved clock ({@link TestClock}: Monday 10:00 in Berlin at the start
 * of every test) and an editable routing-rules file ({@link RoutingRulesFile}); customers write through
 * the signed webhook like WhatsApp does ({@link Customers}), hand-offs are read from the pools' queues
 * ({@link AgentPools}). Test classes with this annotation and no further configuration share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@HubTest
// replaces @HubTest's initializers, so it names both
@ContextConfiguration(initializers = {GraphApiStub.class, RoutingRulesFile.class})
@Import({TestClock.class, Customers.class, AgentPools.class})
@ExtendWith(TestClock.MondayMorning.class)
public @interface ConversationTest {}
