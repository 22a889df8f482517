package io.carehub.upload;

import io.carehub.pages.ProblemPage;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * R16: the secure upload page a link in the chat opens ({@code /u/<token>}): a file input and a button (mobile first,
 * on the pages' frame: CSRF token, German or English). A refused file (its own bytes are no PDF, JPEG, PNG or HEIC, or
 * it is too large) brings the form back with the reason, the link still unused; an unknown, expired or used link gets
 * its failure page. None of these changes anything.
 */
@Controller
class UploadPageController {

    private static final String FORM = "pages/upload";

    private final UploadReceiver receiver;
    private final UploadProperties properties;

    UploadPageController(UploadReceiver receiver, UploadProperties properties) {
        this.receiver = receiver;
        this.properties = properties;
    }

    @GetMapping("/u/{token}")
    ModelAndView form(@PathVariable String token) {
        return switch (receiver.state(token)) {
            case VALID -> form(token, null, HttpStatus.OK);
            case USED -> ProblemPage.LINK_USED.view();
            case EXPIRED -> ProblemPage.LINK_EXPIRED.view();
            case UNKNOWN -> ProblemPage.LINK_UNKNOWN.view();
        };
    }

    @PostMapping(path = "/u/{token}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ModelAndView upload(@PathVariable String token, @RequestParam("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            return refused(token, "missing", HttpStatus.BAD_REQUEST);
        }
        UploadReceiver.Outcome outcome;
        try (InputStream content = file.getInputStream()) {
            outcome = receiver.receive(token, content);
        }
        return switch (outcome) {
            case STORED -> new ModelAndView("pages/upload-done", HttpStatus.OK);
            case UNKNOWN -> ProblemPage.LINK_UNKNOWN.view();
            case EXPIRED -> ProblemPage.LINK_EXPIRED.view();
            case USED -> ProblemPage.LINK_USED.view();
            case WRONG_TYPE -> form(token, "wrong-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            case TOO_LARGE -> form(token, "too-large", HttpStatus.CONTENT_TOO_LARGE);
        };
    }

    /** A form without its file part. */
    @ExceptionHandler(MissingServletRequestPartException.class)
    ModelAndView missing(HttpServletRequest request) {
        return refused(token(request), "missing", HttpStatus.BAD_REQUEST);
    }

    /**
     * The form again with the reason, or the link's failure page when the link allows no upload anyway. Also the page
     * of {@link UploadErrorPages} for a body the container refused.
     */
    ModelAndView refused(String token, String error, HttpStatus status) {
        ModelAndView linkFailure = form(token);
        return linkFailure.getViewName().equals(FORM) ? form(token, error, status) : linkFailure;
    }

    private ModelAndView form(String token, String error, HttpStatus status) {
        ModelAndView page = new ModelAndView(
                FORM,
                Map.of("token", token, "maxMegabytes", properties.maxSize().toMegabytes()),
                status);
        if (error != null) {
            page.addObject("error", error);
        }
        return page;
    }

    @SuppressWarnings("unchecked")
    private static String token(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map && map.get("token") instanceof String token ? token : "";
    }
}
