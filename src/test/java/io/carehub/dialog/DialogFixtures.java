package io.carehub.dialog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Answers of the dialog platforms as their APIs document them, under src/test/resources/dialog/. */
final class DialogFixtures {

    private DialogFixtures() {}

    static String read(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/dialog", name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
