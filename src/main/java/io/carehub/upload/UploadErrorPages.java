package io.carehub.upload;

import io.carehub.pages.PagesProperties;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * R16: a file over {@code carehub.upload.max-size} is refused by the container while it arrives, before the upload page
 * runs: the pages' CSRF check reads the form's fields and the container answers 413 (400 for a body that is no readable
 * form). A browser gets the upload form again with the reason, not an error page; the link stays unused.
 */
@Component
class UploadErrorPages implements ErrorViewResolver, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(UploadErrorPages.class);
    private static final String UPLOAD_PATH = "/u/";

    private final UploadPageController pages;
    private final UploadProperties properties;
    private final PagesProperties frame;

    UploadErrorPages(UploadPageController pages, UploadProperties properties, PagesProperties frame) {
        this.pages = pages;
        this.properties = properties;
        this.frame = frame;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        if (!(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path)
                || !path.startsWith(UPLOAD_PATH)
                || (status != HttpStatus.CONTENT_TOO_LARGE && status != HttpStatus.BAD_REQUEST)) {
            return null;
        }
        boolean tooLarge = status == HttpStatus.CONTENT_TOO_LARGE;
        if (tooLarge) {
            LOG.info("upload refused: larger than {}", properties.maxSize());
        }
        ModelAndView page =
                pages.refused(path.substring(UPLOAD_PATH.length()), tooLarge ? "too-large" : "missing", status);
        // the frame adds the company on the pages' own paths; this answer is rendered on the error path
        page.addObject("company", frame.companyName());
        return page;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
