package io.carehub.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.carehub.ops.RouteReload;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** R10: the start-up window itself — Tomcat serves, the CamelContext exists but has not started its routes yet. */
class WebhookReadinessFilterTest {

    @Test
    void answers503WithRetryAfterBeforeCamelHasStarted() throws Exception {
        try (CamelContext notStarted = new DefaultCamelContext()) {
            StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("camelContext", notStarted));
            WebhookReadinessFilter filter = new WebhookReadinessFilter(
                    beans.getBeanProvider(CamelContext.class), beans.getBeanProvider(RouteReload.class));
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/whatsapp");
            request.setContent("{\"object\":\"whatsapp_business_account\"}".getBytes());
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();

            filter.doFilter(request, response, chain);

            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getHeader("Retry-After")).isEqualTo("5");
            assertThat(response.getContentAsString()).contains("starting");
            assertThat(chain.getRequest())
                    .as("nothing passed on to Camel's servlet")
                    .isNull();
        }
    }
}
