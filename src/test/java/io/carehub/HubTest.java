package io.carehub;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole hub on its embedded defaults (real Artemis, real PostgreSQL) behind a random HTTP port, with
 * WireMock standing in for the Graph API ({@link GraphApiStub}). Every test class with this annotation and no further
 * configuration shares one cached application context; the helpers it imports are injected as fields:
 * {@link Webhook} (signed POSTs like Meta's), {@link HubApi} (GETs), {@link Db} (what the hub stored),
 * {@link Legitimations} (a customer signs in through the legitimation flow).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AutoConfigureMetrics
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "carehub.data-dir=target/test-data/${random.uuid}",
            "carehub.postgres.port=0",
            "carehub.whatsapp.app-secret=" + HubTest.APP_SECRET,
            "carehub.whatsapp.verify-token=test-verify-token",
            "carehub.whatsapp.access-token=test-access-token",
            "carehub.buffer.encryption-key=" + HubTest.BUFFER_KEY,
            "carehub.buffer.consumers=4",
            "carehub.security.local-issuer.enabled=false",
            "carehub.media.max-attempts=3",
            "carehub.media.first-backoff=50ms",
            "carehub.media.poll-interval=100ms",
            "carehub.media.timeout=5s",
            // WireMock serves media over plain HTTP on localhost; 127.0.0.1 is allowed over HTTPS only
            "carehub.media.allowed-hosts=localhost,127.0.0.1",
            "carehub.media.plain-http-hosts=localhost",
            "carehub.outbound.first-backoff=100ms",
            "carehub.outbound.max-backoff=800ms",
            "carehub.outbound.max-retries=20",
            // the chatbot has its own tests (io.carehub.dialog); here conversations go straight to agent routing
            "carehub.dialog.routing.private-customers=agents",
            "carehub.dialog.routing.business=agents",
            "carehub.dialog.routing.unknown=agents",
            // R33: tests carry out erasures when they mean to (erasureExecutor.run()), never in the background
            "carehub.erasure.check-interval=24h"
        })
@ContextConfiguration(initializers = GraphApiStub.class)
@Import({Webhook.class, HubApi.class, Db.class, Legitimations.class})
public @interface HubTest {

    String APP_SECRET = "test-app-secret";
    String BUFFER_KEY = "q6Xb2zr6m0v1l4kq9C4mQb7Qj3Yl8aJd0sT9uVxWzAE=";
}
