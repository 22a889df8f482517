package io.carehub.dialog;

import java.util.List;

/**
 * R23/R25: optional generator (OpenAI chat completions) for questions the dialog platform could not answer.
 * It only ever receives text with all personal data removed by the strip processor.
 */
public interface AnswerGenerator {

    /**
     * @param strippedQuestion the customer's question, personal data removed (R25)
     * @param strippedContext  earlier turns of the dialog, oldest first, also stripped; may be empty
     * @return the generated answer
     * @throws DialogPlatformException on 429, 5xx, timeouts or an answer without text
     */
    String answer(String strippedQuestion, List<String> strippedContext);
}
