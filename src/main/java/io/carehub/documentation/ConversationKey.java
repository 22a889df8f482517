package io.carehub.documentation;

import io.carehub.buffer.BufferedEvent;

/** A customer on one business number: at most one open conversation each. Fields as stored. */
record ConversationKey(String waId, String businessPhoneNumberId) {

    static ConversationKey of(BufferedEvent event) {
        return new ConversationKey(StorableText.of(event.waId()), StorableText.of(event.businessPhoneNumberId()));
    }
}
