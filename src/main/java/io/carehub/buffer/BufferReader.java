package io.carehub.buffer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.GeneralSecurityException;
import org.apache.camel.Body;
import org.apache.camel.Handler;
import org.springframework.stereotype.Component;

/** Decrypts a buffered payload back into its {@link BufferedEvent}; a tampered payload fails loudly. */
@Component("bufferReader")
public class BufferReader {

    private final BufferCipher cipher;
    private final ObjectMapper mapper;

    public BufferReader(BufferCipher cipher, ObjectMapper mapper) {
        this.cipher = cipher;
        this.mapper = mapper;
    }

    @Handler
    public BufferedEvent read(@Body byte[] ciphertext) throws GeneralSecurityException, IOException {
        return mapper.readValue(cipher.decrypt(ciphertext), BufferedEvent.class);
    }
}
