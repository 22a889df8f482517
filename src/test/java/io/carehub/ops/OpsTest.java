package io.carehub.ops;

import io.carehub.GraphApiStub;
import io.carehub.HubTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * The {@link HubTest hub} on an editable copy of routes/ ({@link RoutesDirectory}), reloading changed route files every
 * 200 ms (R41) and reading queue depths every 500 ms (R42). Test classes with this annotation and no further
 * configuration share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@HubTest
// replaces @HubTest's initializers, so it names both
@ContextConfiguration(initializers = {GraphApiStub.class, RoutesDirectory.class})
public @interface OpsTest {}
