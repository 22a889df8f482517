package io.carehub.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carehub.whatsapp.MediaUrlPolicy.MediaRefusedException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which media URLs the bearer token may be sent to, on the production defaults (Meta's media CDN, HTTPS only). */
class MediaUrlPolicyTest {

    private final MediaUrlPolicy strict = new MediaUrlPolicy(List.of("lookaside.fbsbx.com"), List.of());

    @Test
    void acceptsMetasDocumentedMediaUrl() throws Exception {
        assertThat(strict.check(
                        "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1003383421387256&ext=1"))
                .hasHost("lookaside.fbsbx.com");
    }

    @Test
    void refusesPlainHttpOtherHostsLookalikesCredentialsAndOtherSchemes() {
        assertRefused("http://lookaside.fbsbx.com/x", "media url is not https");
        assertRefused("https://lookaside.fbsbx.com.attacker.example/x", "media host is not allowed");
        assertRefused("https://attacker.example/lookaside.fbsbx.com", "media host is not allowed");
        assertRefused("https://user@lookaside.fbsbx.com/x", "media url is malformed");
        assertRefused("ftp://lookaside.fbsbx.com/x", "media url is not https");
        assertRefused("//lookaside.fbsbx.com/x", "media url is not https");
        assertRefused("ht tp://x", "media url is malformed");
        assertRefused("https:///x", "media url is malformed");
    }

    @Test
    void aWildcardEntryAllowsSubdomainsOnly() throws Exception {
        MediaUrlPolicy policy = new MediaUrlPolicy(List.of("*.fbsbx.com"), List.of());

        assertThat(policy.check("https://lookaside.fbsbx.com/x")).hasHost("lookaside.fbsbx.com");
        assertThatThrownBy(() -> policy.check("https://evilfbsbx.com/x")).isInstanceOf(MediaRefusedException.class);
    }

    private void assertRefused(String url, String reason) {
        assertThatThrownBy(() -> strict.check(url))
                .as(url)
                .isInstanceOf(MediaRefusedException.class)
                .hasMessage(reason);
    }
}
