package io.carehub.pages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * R15/R16: the customer pages ({@code carehub.pages.*}): the one-time links the hub sends in the chat open them.
 *
 * @param baseUrl       public base of the links sent to customers (https in production), e.g.
 *                      {@code https://service.example.com}; the pages' paths are appended to it
 * @param defaultLocale language of the pages unless the customer picks another ({@code ?lang=en})
 * @param companyName   the company the customer talks to, in every page's header
 */
@Validated
@ConfigurationProperties("carehub.pages")
public record PagesProperties(
        @NotNull URI baseUrl,
        @NotNull Locale defaultLocale,
        @NotBlank String companyName) {

    /** The absolute link of a page path ({@code /l/...}) for a chat message. */
    public String link(String path) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
