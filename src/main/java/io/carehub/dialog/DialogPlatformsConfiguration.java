package io.carehub.dialog;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** R23/R25: a dialog platform or the answer generator exists only when it is configured. */
@Configuration(proxyBeanMethods = false)
class DialogPlatformsConfiguration {

    @Bean
    @ConditionalOnExpression("!'${carehub.dialog.watsonx.url:}'.trim().isEmpty()")
    WatsonxAssistant watsonxAssistant(DialogProperties properties, Clock clock) {
        return new WatsonxAssistant(properties.watsonx(), properties.timeout(), clock);
    }

    @Bean
    @ConditionalOnExpression("!'${carehub.dialog.lex.bot-id:}'.trim().isEmpty()")
    LexBot lexBot(DialogProperties properties) {
        return new LexBot(properties.lex(), properties.timeout());
    }

    @Bean
    @ConditionalOnProperty(name = "carehub.dialog.openai.enabled", havingValue = "true")
    OpenAiAnswerGenerator openAiAnswerGenerator(DialogProperties properties) {
        return new OpenAiAnswerGenerator(properties.openai(), properties.timeout());
    }
}
