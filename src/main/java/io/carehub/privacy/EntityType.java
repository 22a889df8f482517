package io.carehub.privacy;

/** Kinds of personal data the detector finds (R24, R16). The names are part of the API and of pseudonym tokens. */
public enum EntityType {
    PERSON,
    /** Street + house number and/or postcode + city, as one span. */
    ADDRESS,
    PHONE,
    EMAIL,
    IBAN,
    CARD,
    /** Customer, contract and billing-account numbers. */
    CUSTOMER_ID,
    DATE_OF_BIRTH,
    /** German ID card and passport numbers. */
    ID_DOCUMENT,
    IP,
    /** Tax id, social-security number, licence plate. */
    OTHER_ID,
    /** The whole text, when detection failed: treated as personal data (fail closed), never passed on in clear. */
    UNSCANNED
}
