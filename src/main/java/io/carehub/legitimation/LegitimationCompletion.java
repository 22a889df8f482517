package io.carehub.legitimation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.carehub.documentation.ConversationQueries;
import io.carehub.documentation.CustomerIdentities;
import io.carehub.pages.ProblemPage;
import io.carehub.privacy.PrivacyProperties;
import io.carehub.whatsapp.OutboundContent;
import io.carehub.whatsapp.OutboundMessages;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R15: the end of a legitimation. On a successful sign-in the link is used (atomically, once) and the customer's data
 * is stored encrypted with the contact's key in the same transaction, and the customer gets a confirmation in the
 * chat. Every failure (expired or used link, cancelled sign-in, a phone number that is not the chat's, an identity
 * provider that failed) changes nothing, and gets its page and its chat message.
 */
@Component
class LegitimationCompletion {

    enum Outcome {
        COMPLETED(null),
        UNKNOWN(ProblemPage.LINK_UNKNOWN),
        EXPIRED(ProblemPage.LINK_EXPIRED),
        USED(ProblemPage.LINK_USED),
        CANCELLED(ProblemPage.LOGIN_CANCELLED),
        MISMATCH(ProblemPage.IDENTITY_MISMATCH),
        FAILED(ProblemPage.LOGIN_FAILED);

        final ProblemPage page;

        Outcome(ProblemPage page) {
            this.page = page;
        }

        /** Where the customer's browser goes next. */
        String path() {
            return page == null ? LinkPageController.DONE_PATH : page.path();
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(LegitimationCompletion.class);

    private final LegitimationLinks links;
    private final CustomerData data;
    private final CustomerIdentities identities;
    private final ConversationQueries queries;
    private final OutboundMessages outbound;
    private final TransactionTemplate tx;
    private final LegitimationTexts texts;
    private final String region;

    LegitimationCompletion(
            LegitimationLinks links,
            CustomerData data,
            CustomerIdentities identities,
            ConversationQueries queries,
            OutboundMessages outbound,
            TransactionTemplate tx,
            LegitimationTexts texts,
            PrivacyProperties privacy) {
        this.links = links;
        this.data = data;
        this.identities = identities;
        this.queries = queries;
        this.outbound = outbound;
        this.tx = tx;
        this.texts = texts;
        this.region = privacy.region();
    }

    /** The customer signed in at the identity provider; {@code claims} are the ID token's (and userinfo's). */
    Outcome signedIn(long linkId, Map<String, Object> claims, OAuth2AccessToken accessToken) {
        LegitimationLinks.Link link = links.byId(linkId).orElse(null);
        if (link == null) {
            return Outcome.UNKNOWN;
        }
        if (link.state() != LegitimationLinks.State.OPEN) {
            return refused(link, stateOutcome(link));
        }
        CustomerData.Customer customer;
        try {
            customer = data.of(claims, accessToken);
        } catch (RuntimeException e) {
            LOG.warn(
                    "legitimation in conversation {}: customer data unavailable ({})",
                    link.conversationId(),
                    e.getClass().getSimpleName());
            return refused(link, Outcome.FAILED);
        }
        String chatNumber = queries.recipient(link.conversationId()).waId();
        if (!samePhone(chatNumber, customer.phoneNumber())) {
            return refused(link, Outcome.MISMATCH);
        }
        CustomerIdentities.Identity identity = new CustomerIdentities.Identity(
                customer.segment(),
                customer.salutation(),
                customer.name(),
                customer.customerNumber(),
                customer.contractNumbers().isEmpty() ? null : String.join(", ", customer.contractNumbers()));
        boolean stored = Boolean.TRUE.equals(tx.execute(status -> {
            if (!links.use(link.id())) {
                return false; // R15: used or expired meanwhile (a second tab, the clock): nothing stored
            }
            identities.record(link.contactId(), identity);
            return true;
        }));
        if (!stored) {
            return refused(link, stateOutcome(links.byId(linkId).orElse(link)));
        }
        outbound.sendIfAllowed(link.conversationId(), OutboundContent.text(texts.confirmed()), "system");
        LOG.info(
                "legitimation completed in conversation {}: contact {} linked, segment {}",
                link.conversationId(),
                link.contactId(),
                identity.segment());
        return Outcome.COMPLETED;
    }

    /** The sign-in did not succeed: {@code error} is the identity provider's OAuth2 error code. */
    Outcome failed(Long linkId, String error) {
        LegitimationLinks.Link link = linkId == null ? null : links.byId(linkId).orElse(null);
        if (link == null) {
            return Outcome.UNKNOWN;
        }
        return refused(link, "access_denied".equals(error) ? Outcome.CANCELLED : Outcome.FAILED);
    }

    /** The customer opened a link that is no longer open: its page, and the chat says so too. */
    Outcome opened(LegitimationLinks.Link link) {
        return refused(link, stateOutcome(link));
    }

    private Outcome refused(LegitimationLinks.Link link, Outcome outcome) {
        String text = switch (outcome) {
            case EXPIRED -> texts.expired();
            case USED -> texts.used();
            case CANCELLED -> texts.cancelled();
            case MISMATCH -> texts.mismatch();
            default -> texts.failed();
        };
        outbound.sendIfAllowed(link.conversationId(), OutboundContent.text(text), "system");
        LOG.info("legitimation refused in conversation {}: {}", link.conversationId(), outcome);
        return outcome;
    }

    private static Outcome stateOutcome(LegitimationLinks.Link link) {
        return link.state() == LegitimationLinks.State.USED ? Outcome.USED : Outcome.EXPIRED;
    }

    /**
     * R15: the identity provider's phone number must be the chat's. A chat known only by its BSUID (R52) has no
     * number to compare: the link, sent into that chat alone, is the binding; so is an account without a number.
     */
    private boolean samePhone(String chatNumber, String accountNumber) {
        if (chatNumber == null || accountNumber == null) {
            return true;
        }
        try {
            PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
            String e164 = phones.format(phones.parse(accountNumber, region), PhoneNumberUtil.PhoneNumberFormat.E164);
            return e164.substring(1).equals(chatNumber.replaceAll("\\D", ""));
        } catch (NumberParseException e) {
            return false; // a number that is no phone number matches nothing
        }
    }
}
