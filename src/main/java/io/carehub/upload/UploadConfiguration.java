package io.carehub.upload;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * R16: the servlet's multipart limits follow {@code carehub.upload.max-size} (in place of Spring Boot's
 * {@code spring.servlet.multipart.max-*}): a file over it is refused while it arrives ({@link UploadErrorPages} shows
 * the form again). The request may be a little larger than the file (the form's CSRF field and the part headers).
 * R19: the parts stay in memory (the threshold is the whole request, and the limits stop reading past it), so the
 * file in clear is never written to a temporary file; the hub streams it from memory through the encryption.
 */
@Configuration(proxyBeanMethods = false)
class UploadConfiguration {

    /** Room for the multipart framing and the form's other fields. */
    static final DataSize FORM_OVERHEAD = DataSize.ofKilobytes(64);

    @Bean
    MultipartConfigElement multipartConfigElement(UploadProperties properties) {
        long file = properties.maxSize().toBytes();
        long request = file + FORM_OVERHEAD.toBytes();
        if (request > Integer.MAX_VALUE) {
            throw new IllegalStateException(
                    "carehub.upload.max-size is too large to hold an upload in memory: " + properties.maxSize());
        }
        return new MultipartConfigElement("", file, request, (int) request);
    }
}
