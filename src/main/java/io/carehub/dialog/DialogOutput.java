package io.carehub.dialog;

import java.util.List;

/** One element of a platform answer; the hub maps it to a WhatsApp message. */
public sealed interface DialogOutput {

    /** Plain text (watsonx {@code text}, Lex {@code PlainText}/{@code SSML} as text, anything unknown as fallback). */
    record Text(String text) implements DialogOutput {}

    /**
     * A choice (watsonx {@code option}, Lex {@code ImageResponseCard}): up to 3 become WhatsApp reply buttons,
     * up to 10 a list, more are sent as numbered text.
     *
     * @param prompt  the question shown above the options
     * @param options label shown to the customer and the value sent back to the platform when chosen
     */
    record Options(String prompt, List<Option> options) implements DialogOutput {
        public Options {
            options = List.copyOf(options);
        }
    }

    record Option(String label, String value) {}
}
