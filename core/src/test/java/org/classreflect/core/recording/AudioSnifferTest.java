package org.classreflect.core.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AudioSnifferTest {

    private final AudioSniffer sniffer = new AudioSniffer();

    private Optional<AudioFormat> detect(byte[] bytes) {
        return sniffer.detect(bytes, bytes.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void recognisesEachAcceptedContainerByItsMagicBytes() {
        assertThat(detect(ascii("RIFF\u0024\u0000\u0000\u0000WAVEfmt "))).contains(AudioFormat.WAV);
        assertThat(detect(ascii("ID3\u0004\u0000\u0000\u0000\u0000"))).contains(AudioFormat.MP3);
        assertThat(detect(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64})).contains(AudioFormat.MP3);
        assertThat(detect(new byte[] {(byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80})).contains(AudioFormat.AAC);
        assertThat(detect(ascii("\u0000\u0000\u0000\u0020ftypM4A "))).contains(AudioFormat.MP4_AUDIO);
        assertThat(detect(ascii("OggS\u0000\u0002"))).contains(AudioFormat.OGG);
        assertThat(detect(ascii("fLaC\u0000\u0000"))).contains(AudioFormat.FLAC);
        assertThat(detect(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0x01})).contains(AudioFormat.WEBM);
    }

    @Test
    void refusesWhatIsNotAudioAndSaysWhatItFound() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        assertThat(detect(png)).isEmpty();
        assertThat(sniffer.describe(png, png.length)).isEqualTo("a PNG image");
        byte[] text = ascii("This is not an mp3 at all\n");
        assertThat(detect(text)).isEmpty();
        assertThat(sniffer.describe(text, text.length)).isEqualTo("text");
        byte[] pdf = ascii("%PDF-1.7\n");
        assertThat(sniffer.describe(pdf, pdf.length)).isEqualTo("a PDF document");
        assertThat(detect(new byte[0])).isEmpty();
        assertThat(detect(ascii("RIFF\u0000\u0000\u0000\u0000AVI "))).as("RIFF that is not WAVE").isEmpty();
    }
}
