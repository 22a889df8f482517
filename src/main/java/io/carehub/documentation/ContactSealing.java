package io.carehub.documentation;

import io.carehub.crypto.ContactCipher;
import io.carehub.crypto.LookupHash;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** R19: seals the identity columns {@link Contacts} writes (the owner holds the SQL; this runs none). */
final class ContactSealing {

    private ContactSealing() {}

    /** A contact row as the upsert returns it (phone number and profile name still sealed). */
    record Stored(long id, byte[] phone, byte[] name) {}

    /** R52: the parameters of {@code Contacts.updateLinked}, sealed with the contact's key. */
    static MapSqlParameterSource linked(
            long id, CustomerIdentity identity, String waId, ContactCipher cipher, LookupHash lookupHash) {
        return new MapSqlParameterSource("id", id)
                .addValue("phone", cipher.seal(waId, Contacts.PHONE_NUMBER))
                .addValue("waIdHash", lookupHash.of(waId))
                .addValue("userId", cipher.seal(identity.userId(), Contacts.USER_ID))
                .addValue("userIdHash", lookupHash.of(identity.userId()))
                .addValue("parent", cipher.seal(identity.parentUserId(), Contacts.PARENT_USER_ID))
                .addValue("username", cipher.seal(identity.username(), Contacts.USERNAME))
                .addValue("name", cipher.seal(identity.profileName(), Contacts.PROFILE_NAME));
    }

    /** R52: the parameters of the identifier change's update in {@code Contacts.relink}. */
    static MapSqlParameterSource relinked(long id, CustomerIdentity.IdentifierChange change, ContactCipher cipher) {
        return new MapSqlParameterSource("id", id)
                .addValue("phone", cipher.seal(change.newWaId(), Contacts.PHONE_NUMBER))
                .addValue("userId", cipher.seal(change.newUserId(), Contacts.USER_ID));
    }

    /**
     * The upserted contacts (by wa_id) whose phone number is new or whose profile name changed, as the parameters
     * {@code ids}, {@code phones}, {@code names} (sealed, base64); null when there are none.
     */
    static MapSqlParameterSource changed(
            Map<String, Stored> stored, Map<String, String> profileNames, Map<Long, ContactCipher> ciphers) {
        List<Long> ids = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        List<String> names = new ArrayList<>();
        stored.forEach((waId, row) -> {
            ContactCipher cipher = ciphers.get(row.id());
            String name = profileNames.get(waId);
            boolean newName = name != null && !name.equals(cipher.openText(row.name(), Contacts.PROFILE_NAME));
            if (row.phone() == null || newName) {
                ids.add(row.id());
                phones.add(row.phone() == null ? base64(cipher.seal(waId, Contacts.PHONE_NUMBER)) : null);
                names.add(newName ? base64(cipher.seal(name, Contacts.PROFILE_NAME)) : null);
            }
        });
        if (ids.isEmpty()) {
            return null;
        }
        return new MapSqlParameterSource("ids", ids.toArray(Long[]::new))
                .addValue("phones", phones.toArray(String[]::new))
                .addValue("names", names.toArray(String[]::new));
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }
}
