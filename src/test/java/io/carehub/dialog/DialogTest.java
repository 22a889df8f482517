package io.carehub.dialog;

import io.carehub.routing.ConversationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * A {@link ConversationTest} with the chatbot switched on (each test class says which platform serves
 * which segment). The dialog expiry sweep runs every 200 ms against the test clock; {@link DialogRecords}
 * reads what the dialog stored.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConversationTest
@TestPropertySource(properties = "carehub.dialog.expiry-check=200ms")
@Import(DialogRecords.class)
@interface DialogTest {}
