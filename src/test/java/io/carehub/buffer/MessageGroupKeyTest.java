package io.carehub.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import io.carehub.HubTest;
import io.carehub.ops.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** R13/§4 Security: whoever holds the app secret cannot tell which customer a message group in the broker is. */
@HubTest
class MessageGroupKeyTest {

    @Autowired
    BufferEnvelopes envelopes;

    @Test
    void theGroupIdIsNotKeyedWithTheAppSecret() {
        String waId = "4917612345678";
        String withAppSecret = HexFormat.of()
                .formatHex(new HmacSha256(HubTest.APP_SECRET).of(waId.getBytes(StandardCharsets.UTF_8)), 0, 16);

        assertThat(envelopes.groupId(waId)).hasSize(32).isNotEqualTo(withAppSecret);
    }
}
