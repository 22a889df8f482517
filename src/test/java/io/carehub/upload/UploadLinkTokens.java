package io.carehub.upload;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The upload link's token in a message the hub sent to WhatsApp. */
final class UploadLinkTokens {

    private static final Pattern LINK = Pattern.compile("/u/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])");

    private UploadLinkTokens() {}

    static String in(String sent) {
        Matcher link = LINK.matcher(sent);
        if (!link.find()) {
            throw new AssertionError("no upload link in the message sent");
        }
        return link.group(1);
    }
}
