package io.carehub.upload;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * R16: the servlet's multipart limits follow {@code carehub.upload.max-size} (in place of Spring Boot's
 * {@code spring.servlet.multipart.max-*}): a file over it is refused while it arrives ({@link UploadErrorPages} shows
 * the form again). The request may be a little larger than the file (the form's CSRF field and the part headers). Parts are spooled to a temporary file, never held
 * on the heap; the container deletes it when the request ends.
 */
@Configuration(proxyBeanMethods = false)
class UploadConfiguration {

    /** Room for the multipart framing and the form's other fields. */
    static final DataSize FORM_OVERHEAD = DataSize.ofKilobytes(64);

    @Bean
    MultipartConfigElement multipartConfigElement(UploadProperties properties) {
        long file = properties.maxSize().toBytes();
        return new MultipartConfigElement("", file, file + FORM_OVERHEAD.toBytes(), 0);
    }
}
