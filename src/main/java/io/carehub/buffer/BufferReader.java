package io.carehub.buffer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
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

    /** Decrypts a batch of message bodies from the {@code jms-batch} consumer, in queue order. */
    public List<BufferedEvent> readBatch(@Body List<byte[]> batch) throws GeneralSecurityException, IOException {
        List<BufferedEvent> events = new ArrayList<>(batch.size());
        for (byte[] ciphertext : batch) {
            events.add(read(ciphertext));
        }
        return events;
    }
}
