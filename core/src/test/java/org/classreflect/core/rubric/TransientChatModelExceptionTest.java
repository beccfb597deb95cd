package org.classreflect.core.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TransientChatModelExceptionTest {

    private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void readsRetryAfterAsSecondsOrAsAnHttpDate() {
        assertThat(TransientChatModelException.parseRetryAfter("7", now)).isEqualTo(Duration.ofSeconds(7));
        assertThat(TransientChatModelException.parseRetryAfter(" 0 ", now)).isEqualTo(Duration.ZERO);
        assertThat(TransientChatModelException.parseRetryAfter("Mon, 23 Nov 2026 10:00:30 GMT", now))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(TransientChatModelException.parseRetryAfter("Mon, 23 Nov 2026 09:00:00 GMT", now))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void absentOrUnreadableValuesGiveNothing() {
        assertThat(TransientChatModelException.parseRetryAfter(null, now)).isNull();
        assertThat(TransientChatModelException.parseRetryAfter("", now)).isNull();
        assertThat(TransientChatModelException.parseRetryAfter("soon", now)).isNull();
        assertThat(TransientChatModelException.parseRetryAfter("-3", now)).isNull();
        assertThat(TransientChatModelException.parseRetryAfter("99999999999999", now)).isNull();
    }
}
