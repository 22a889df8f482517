package io.carehub.privacy;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.carehub.access.AccessLog;
import io.carehub.access.Caller;
import io.carehub.access.Callers;
import io.carehub.access.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** {@code POST /api/privacy/analyze}, standalone MockMvc (no application context). */
class PrivacyControllerTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new PrivacyController(
                    new PiiDetector(List.of("0800 330 1000"), "DE"), 1000, 5, 100, opsCaller(), mock(AccessLog.class)))
            .build();

    /** The access log has its own test (AccessLogTest); here the caller is an ops user. */
    private static Callers opsCaller() {
        Callers callers = mock(Callers.class);
        when(callers.current()).thenReturn(new Caller("ops-1", Set.of(Role.OPS), Set.of()));
        return callers;
    }

    @Test
    void returnsTypedEntitiesWithUtf16OffsetsAndScore() throws Exception {
        mvc.perform(post("/api/privacy/analyze")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"ich bin Anna Vogel, tel 0171 2345678\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entities[0].type").value("PERSON"))
                .andExpect(jsonPath("$.entities[0].start").value(8))
                .andExpect(jsonPath("$.entities[0].end").value(18))
                .andExpect(jsonPath("$.entities[1].type").value("PHONE"))
                .andExpect(jsonPath("$.entities[1].score").isNumber());
    }

    @Test
    void findsKnownValuesPassedWithTheRequest() throws Exception {
        mvc.perform(post("/api/privacy/analyze")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"text\":\"nr k 550 123 98\",\"knownValues\":{\"customerNumber\":[\"K-55012398\"]}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entities[0].type").value("CUSTOMER_ID"))
                .andExpect(jsonPath("$.entities[0].start").value(3));
    }

    @Test
    void rejectsMissingTextWithAProblemDetail() throws Exception {
        mvc.perform(post("/api/privacy/analyze")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("'text' is required"));
    }

    @Test
    void rejectsUnknownKnownValueKeysAndMalformedJson() throws Exception {
        mvc.perform(post("/api/privacy/analyze")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"x\",\"knownValues\":{\"shoeSize\":\"42\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("unknown knownValues key 'shoeSize'"));
        mvc.perform(post("/api/privacy/analyze")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Unreadable analyze request"));
    }

    @Test
    void rejectsTooLongTextWith413() throws Exception {
        mvc.perform(post("/api/privacy/analyze")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"" + "a".repeat(1001) + "\"}"))
                .andExpect(status().isPayloadTooLarge());
    }

    /** Found by an attack on the analyze API: the ISO-date check parsed an 11-digit day as an int. */
    @Test
    void aDateLikeRunOfDigitsIsAnalyzedNotAnsweredWithAScannerError() throws Exception {
        mvc.perform(post("/api/privacy/analyze")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"geb. 1990-1-99999999999\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entities").isArray());
    }

    @Test
    void aScannerErrorNeverReachesTheCallerTheWholeTextIsReportedAsPersonal() throws Exception {
        Scanner failing = (scan, out) -> {
            throw new NumberFormatException("For input string: \"99999999999\"");
        };
        MockMvc failingMvc = MockMvcBuilders.standaloneSetup(new PrivacyController(
                        new PiiDetector(List.of(), "DE", failing), 1000, 5, 100, opsCaller(), mock(AccessLog.class)))
                .build();

        failingMvc
                .perform(post("/api/privacy/analyze")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"geb. 1990-1-99999999999\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entities.length()").value(1))
                .andExpect(jsonPath("$.entities[0].type").value("UNSCANNED"))
                .andExpect(jsonPath("$.entities[0].start").value(0))
                .andExpect(jsonPath("$.entities[0].end").value(23));
    }

    @Test
    void rejectsTooManyOrTooLongKnownValuesWith400() throws Exception {
        mvc.perform(post("/api/privacy/analyze")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"x\",\"knownValues\":{\"name\":[\"a\",\"b\",\"c\"],"
                                + "\"email\":[\"d\",\"e\",\"f\"]}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("knownValues holds 6 values, at most 5 are allowed"));
        mvc.perform(post("/api/privacy/analyze")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"x\",\"knownValues\":{\"name\":\"" + "a".repeat(200_000) + "\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("a known value has 200000 chars, at most 100 are allowed"));
    }
}
