package io.carehub.documentation;

/**
 * R20-R23: where a conversation stands ({@code conversation.routing_state}). Only {@link Conversations}
 * moves a conversation from one state to the next, through its named transitions:
 * <pre>
 * NEW ──startBot──▶ BOT ──leaveBot──▶ NEW
 * NEW ──awaitMenu──▶ AWAITING_MENU
 * NEW | AWAITING_MENU ──queue──▶ WAITING ──claim──▶ CLAIMED ──close──▶ CLOSED
 * CLAIMED ──transferToPool──▶ WAITING
 * </pre>
 */
public enum ConversationStatus {
    /** Consent pending or given, not routed yet. */
    NEW,
    /** R23: talking to a dialog platform. */
    BOT,
    /** R20: the menu was sent; segment or topic not known yet. */
    AWAITING_MENU,
    /** R21/R22: in a pool's queue. */
    WAITING,
    /** R22: an agent claimed it. */
    CLAIMED,
    /** R22: closed by the agent; the customer's next message opens a new conversation. */
    CLOSED
}
