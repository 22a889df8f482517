package io.carehub.pages;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The customer pages' frame: texts in German (default) and English ({@code messages_de.properties},
 * {@code messages_en.properties}), the language switch {@code ?lang=en} remembered in a cookie, the company name in
 * every page's model, and no access-log line for a path that carries a one-time token.
 */
@Configuration(proxyBeanMethods = false)
class PagesConfiguration implements WebMvcConfigurer {

    /** Paths of the pages that render the frame, including the local identity stand-in's. */
    private static final String[] RENDERED = {"/pages/**", "/l/**", "/u/**", "/stand-in/idp/**"};

    private final PagesProperties properties;

    PagesConfiguration(PagesProperties properties) {
        this.properties = properties;
    }

    /** A language without its own file falls back to the default language, never to the server's. */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(properties.defaultLocale());
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("carehub-lang");
        resolver.setDefaultLocale(properties.defaultLocale());
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor language = new LocaleChangeInterceptor();
        language.setParamName("lang");
        language.setIgnoreInvalidLocale(true);
        registry.addInterceptor(language).addPathPatterns(RENDERED);
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public void postHandle(
                            HttpServletRequest request,
                            HttpServletResponse response,
                            Object handler,
                            ModelAndView page) {
                        // not on a redirect: its model would become the target's query parameters
                        if (page != null
                                && page.getViewName() != null
                                && !page.getViewName().startsWith("redirect:")) {
                            page.addObject("company", properties.companyName());
                        }
                    }
                })
                .addPathPatterns(RENDERED);
    }

    /**
     * R15/R16: a one-time link's token is in its path; Tomcat's access log (when ops enable it) skips these
     * requests ({@code server.tomcat.accesslog.condition-unless}), so no log line carries a token.
     */
    @Bean
    FilterRegistrationBean<Filter> tokenPathsNotAccessLogged() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            request.setAttribute(CustomerPages.NOT_ACCESS_LOGGED, Boolean.TRUE);
            chain.doFilter(request, response);
        });
        registration.addUrlPatterns("/l/*", "/u/*");
        return registration;
    }
}
