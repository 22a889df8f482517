package io.carehub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook body from src/test/resources/whatsapp/, with its customer and message ids made unique, so
 * tests sharing a database stay apart.
 *
 * @param json  the body to post
 * @param waId  the customer's wa_id in it
 * @param tag   inserted after the fixtures' wamid prefix
 */
public record Fixture(String json, String waId, String tag) {

    /** wa_id and wamid in the fixtures, replaced per test. */
    static final String FIXTURE_WA_ID = "16505551234";

    static final String FIXTURE_WAMID_PREFIX = "wamid.HBgL";
    private static final AtomicLong UNIQUE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    /** The fixture {@code name}.json with a fresh customer and message-id tag. */
    public static Fixture fixture(String name) {
        return fixture(
                name,
                "49" + String.format("%011d", UNIQUE.incrementAndGet()),
                Long.toString(UNIQUE.incrementAndGet(), 36));
    }

    /** A fixture with the same customer and message-id tag as {@code sameIdsAs}. */
    public static Fixture fixture(String name, Fixture sameIdsAs) {
        return fixture(name, sameIdsAs.waId(), sameIdsAs.tag());
    }

    private static Fixture fixture(String name, String waId, String tag) {
        try {
            String json = Files.readString(Path.of("src/test/resources/whatsapp", name + ".json"));
            return new Fixture(
                    json.replace(FIXTURE_WA_ID, waId).replace(FIXTURE_WAMID_PREFIX, FIXTURE_WAMID_PREFIX + tag),
                    waId,
                    tag);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A wamid of the fixture file as it appears in this copy. */
    public String wamid(String fixtureWamid) {
        return fixtureWamid.replace(FIXTURE_WAMID_PREFIX, FIXTURE_WAMID_PREFIX + tag);
    }
}
