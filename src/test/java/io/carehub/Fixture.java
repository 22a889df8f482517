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
 * @param userId the customer's business-scoped user ID in it (R52; the BSUID-era fixtures)
 */
public record Fixture(String json, String waId, String tag, String userId) {

    /** wa_id and wamid in the fixtures, replaced per test. */
    static final String FIXTURE_WA_ID = "16505551234";

    static final String FIXTURE_WAMID_PREFIX = "wamid.HBgL";

    /** R52: the BSUIDs in the fixtures (Meta's examples), replaced per test: the customer's, the new one after a change. */
    static final String FIXTURE_USER_ID = "US.13491208655302741918";

    static final String FIXTURE_NEW_USER_ID = "US.1815799212886844830";
    /** R52: the customer's new phone number in {@code system-user-changed-number.json} (Meta's example). */
    static final String FIXTURE_NEW_WA_ID = "12195555358";

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
            String userId = "DE.9" + new StringBuilder(waId).reverse(); // unique, and not the phone number
            Fixture ids = new Fixture(null, waId, tag, userId);
            return new Fixture(
                    json.replace(FIXTURE_NEW_WA_ID, ids.newWaId())
                            .replace(FIXTURE_NEW_USER_ID, ids.newUserId())
                            .replace(FIXTURE_USER_ID, userId)
                            .replace(FIXTURE_WA_ID, waId)
                            .replace(FIXTURE_WAMID_PREFIX, FIXTURE_WAMID_PREFIX + tag),
                    waId,
                    tag,
                    userId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** R52: the customer's new phone number after {@code user_changed_number}, in this copy. */
    public String newWaId() {
        return "48" + waId.substring(2);
    }

    /** R52: the customer's new BSUID after {@code user_changed_user_id}, in this copy. */
    public String newUserId() {
        return userId + "N";
    }

    /** A wamid of the fixture file as it appears in this copy. */
    public String wamid(String fixtureWamid) {
        return fixtureWamid.replace(FIXTURE_WAMID_PREFIX, FIXTURE_WAMID_PREFIX + tag);
    }
}
