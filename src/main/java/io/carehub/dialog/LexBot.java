package io.carehub.dialog;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lexruntimev2.LexRuntimeV2Client;
import software.amazon.awssdk.services.lexruntimev2.model.RecognizeTextResponse;
import software.amazon.awssdk.services.lexruntimev2.model.ResourceNotFoundException;

/**
 * R23: an AWS Lex V2 bot through the runtime API (RecognizeText, DeleteSession). Lex sessions need no opening: the
 * hub's dialog id (a UUID, a valid Lex session id) is the session id.
 */
final class LexBot implements DialogPlatform, AutoCloseable {

    static final String NAME = "lex";
    private static final Logger LOG = LoggerFactory.getLogger(LexBot.class);

    private final LexRuntimeV2Client lex;
    private final DialogProperties.Lex config;
    private final LexReplyMapper mapper;

    LexBot(DialogProperties.Lex config, Duration timeout) {
        this(config, LexClientFactory.create(requireBot(config), timeout));
    }

    LexBot(DialogProperties.Lex config, LexRuntimeV2Client lex) {
        this.lex = lex;
        this.config = config;
        this.mapper = new LexReplyMapper(config.handOffIntent());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String openSession(String dialogId) {
        return dialogId;
    }

    @Override
    public DialogReply send(DialogTurn turn) {
        try {
            RecognizeTextResponse answer = lex.recognizeText(request -> request.botId(config.botId())
                    .botAliasId(config.botAliasId())
                    .localeId(config.localeId())
                    .sessionId(turn.platformSessionId())
                    .text(turn.text()));
            return mapper.toReply(answer, turn.platformSessionId());
        } catch (SdkException e) {
            throw failure("RecognizeText", e);
        }
    }

    @Override
    public void closeSession(String platformSessionId) {
        try {
            lex.deleteSession(request -> request.botId(config.botId())
                    .botAliasId(config.botAliasId())
                    .localeId(config.localeId())
                    .sessionId(platformSessionId));
        } catch (ResourceNotFoundException gone) {
            LOG.info("lex session {} was already gone", platformSessionId);
        } catch (SdkException e) {
            throw failure("DeleteSession", e);
        }
    }

    @Override
    public void close() {
        lex.close();
    }

    /**
     * Service errors keep their code and request id but not their message or cause: AWS validation messages may
     * quote the request's text, and exceptions end up in log lines.
     */
    private static DialogPlatformException failure(String operation, SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null
                    ? "unknown"
                    : service.awsErrorDetails().errorCode();
            return new DialogPlatformException(
                    NAME,
                    service.statusCode(),
                    operation + " answered HTTP " + service.statusCode() + " " + code + " (request id "
                            + service.requestId() + ")",
                    null);
        }
        // SdkClientException: timeouts, connection errors; no status
        return new DialogPlatformException(
                NAME, 0, operation + " failed: " + e.getClass().getSimpleName(), e);
    }

    private static DialogProperties.Lex requireBot(DialogProperties.Lex config) {
        if (config.botAliasId().isBlank() || config.localeId().isBlank()) {
            throw new IllegalStateException("lex is configured (carehub.dialog.lex.bot-id) but "
                    + "carehub.dialog.lex.bot-alias-id or carehub.dialog.lex.locale-id is empty");
        }
        return config;
    }
}
