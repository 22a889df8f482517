package io.carehub.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * R41: the route files of {@code carehub.routes-dir} ({@code *.yaml}, hidden files ignored) as read at one moment, and
 * the set's version: a hash over every file's name and content, so equal sets have equal versions on every instance.
 */
record RouteFiles(Path directory, SortedMap<String, byte[]> contents) {

    static RouteFiles read(Path directory) throws IOException {
        SortedMap<String, byte[]> contents = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.yaml")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!name.startsWith(".") && Files.isRegularFile(file)) {
                    contents.put(name, Files.readAllBytes(file));
                }
            }
        }
        return new RouteFiles(directory, Collections.unmodifiableSortedMap(contents));
    }

    /** The set's version: the first 16 hex digits of a SHA-256 over the files' names and contents hashes. */
    String version() {
        MessageDigest digest = sha256();
        for (Map.Entry<String, byte[]> file : contents.entrySet()) {
            digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(sha256().digest(file.getValue()));
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    /** SHA-256 of one file's content, in hex. */
    String hash(String file) {
        return HexFormat.of().formatHex(sha256().digest(contents.get(file)));
    }

    /** The Camel resource location of a file, as start-up loads it (file:&lt;routes-dir&gt;/&lt;name&gt;). */
    String location(String file) {
        return "file:" + directory.resolve(file);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
