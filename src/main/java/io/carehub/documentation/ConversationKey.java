package io.carehub.documentation;

/** A contact on one business number: at most one open conversation each. */
record ConversationKey(long contactId, String businessPhoneNumberId) {}
