package io.carehub.dialog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** R43: the built-in stand-in platform is always available as "local"; the real platforms are configured. */
@Configuration(proxyBeanMethods = false)
class DialogConfiguration {

    @Bean
    LocalDialogBot localDialogBot() {
        return new LocalDialogBot();
    }
}
