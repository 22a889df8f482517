package io.carehub.pages;

/**
 * R15/R16: where the customer pages live. The one-time links the hub sends in the chat are short ({@code /l/...} for
 * the legitimation, {@code /u/...} for the upload); every other page and the shared stylesheet are under
 * {@code /pages/}. All of them get the frame's security headers ({@link PagesSecurity}).
 */
public final class CustomerPages {

    /** Path patterns of every customer page, for security chains, interceptors and filters. */
    public static final String[] PATHS = {"/pages/**", "/l/**", "/u/**"};

    /** The request attribute that keeps a request out of Tomcat's access log: its path carries a one-time token. */
    public static final String NOT_ACCESS_LOGGED = "carehub.pages.token-in-path";

    private CustomerPages() {}
}
