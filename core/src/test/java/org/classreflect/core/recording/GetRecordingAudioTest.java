package org.classreflect.core.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GetRecordingAudioTest {

    @Test
    void aSignedPlaybackAddressOutlivesAnUnhurriedListenOfTheWholeLesson() {
        assertThat(GetRecordingAudio.signedAddressLifetime(11.0)).isEqualTo(Duration.ofSeconds(15 * 60 + 22));
        assertThat(GetRecordingAudio.signedAddressLifetime(45 * 60.0)).isEqualTo(Duration.ofMinutes(105));
        assertThat(GetRecordingAudio.signedAddressLifetime(null)).isEqualTo(Duration.ofMinutes(135));
        assertThat(GetRecordingAudio.signedAddressLifetime(10 * 3600.0)).isEqualTo(Duration.ofHours(12));
    }
}
