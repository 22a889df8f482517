package io.carehub.documentation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.carehub.crypto.ContactCipher;
import io.carehub.crypto.ContactKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * R19: seals and opens the encrypted columns of {@link Messages}' table with the contact's key, and parses the
 * stored JSON values; it runs no SQL (the owner looks up whose key a row takes).
 */
final class MessageSealing {

    /** A batch's inbound texts and details, sealed and base64-encoded for the text arrays of a set-based insert. */
    record SealedInbound(String[] texts, String[] details) {}

    private final ContactKeys keys;
    private final ObjectMapper mapper;

    MessageSealing(ContactKeys keys, ObjectMapper mapper) {
        this.keys = keys;
        this.mapper = mapper;
    }

    /** R19: each text and details sealed with the key of the message's contact ({@code contacts[i]}), all keys loaded at once. */
    SealedInbound inbound(long[] contacts, String[] texts, String[] details) {
        Map<Long, ContactCipher> ciphers =
                keys.forContacts(Arrays.stream(contacts).boxed().toList());
        String[] sealedTexts = new String[texts.length];
        String[] sealedDetails = new String[details.length];
        for (int i = 0; i < texts.length; i++) {
            ContactCipher cipher = ciphers.get(contacts[i]);
            sealedTexts[i] = base64(cipher.seal(texts[i], Messages.TEXT_BODY));
            sealedDetails[i] = base64(cipher.seal(details[i], Messages.DETAILS));
        }
        return new SealedInbound(sealedTexts, sealedDetails);
    }

    /**
     * R19: each non-null title sealed with the key of its conversation's contact, base64 for the text array;
     * {@code contactsOf} maps the conversations that have a title to their contacts.
     */
    String[] errorTitles(long[] conversations, String[] titles, Function<List<Long>, Map<Long, Long>> contactsOf) {
        String[] sealed = new String[titles.length];
        List<Long> withTitle = new ArrayList<>();
        for (int i = 0; i < titles.length; i++) {
            if (titles[i] != null) {
                withTitle.add(conversations[i]);
            }
        }
        if (withTitle.isEmpty()) {
            return sealed;
        }
        Map<Long, Long> contactOf = contactsOf.apply(withTitle);
        Map<Long, ContactCipher> ciphers = keys.forContacts(contactOf.values());
        for (int i = 0; i < titles.length; i++) {
            if (titles[i] != null) {
                sealed[i] = base64(ciphers.get(contactOf.get(conversations[i])).seal(titles[i], Messages.ERROR_TITLE));
            }
        }
        return sealed;
    }

    /** R19: the contact's cipher; its data key is created on first use. */
    ContactCipher cipher(long contactId) {
        return keys.forContact(contactId);
    }

    /** R19: a value sealed with the contact's key. */
    byte[] seal(long contactId, String value, String associated) {
        return keys.forContact(contactId).seal(value, associated);
    }

    /** R19: a value of the contact's; null when absent or when the contact's key is gone (erased). */
    String open(long contactId, byte[] value, String associated) {
        return value == null
                ? null
                : keys.existing(contactId)
                        .map(cipher -> cipher.openText(value, associated))
                        .orElse(null);
    }

    JsonNode json(String text) {
        if (text == null) {
            return MissingNode.getInstance();
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON value does not parse", e);
        }
    }

    static String textOrNull(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }
}
