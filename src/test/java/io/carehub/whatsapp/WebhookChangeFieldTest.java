package io.carehub.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The change field is sender-controlled: only Meta's own field names reach the rejection reason and the log. */
class WebhookChangeFieldTest {

    @Test
    void metasFieldNamesAreKept() {
        assertThat(WebhookSplitter.fieldName("account_update")).isEqualTo("account_update");
        assertThat(WebhookSplitter.fieldName("message_template_status_update"))
                .isEqualTo("message_template_status_update");
    }

    @Test
    void anyOtherFieldIsReportedByItsLengthOnly() {
        String planted = "Erika Mustermann DE89370400440532013000";
        assertThat(WebhookSplitter.fieldName(planted))
                .isEqualTo("<unknown, 39 chars>")
                .doesNotContain("Erika", "DE89");
        assertThat(WebhookSplitter.fieldName("erika_mustermann")).doesNotContain("erika");
    }
}
