package org.classreflect.adapters.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.core.audio.AudioInfo;
import org.classreflect.core.audio.PcmWavHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The length a PCM WAV's header and size give is the length FFmpeg decodes, on the shared real clips and on one of
 * them left as cut-off recorders leave it.
 */
class PcmWavLengthAgreesWithDecodingTest {

    private static final Duration LIMIT = Duration.ofHours(4);

    @TempDir
    Path dir;

    private final FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();

    @Test
    void everySharedWavClipHasTheDecodedLength() throws Exception {
        List<Path> clips = sharedWavClips();
        assertThat(clips).hasSizeGreaterThanOrEqualTo(17);

        for (Path clip : clips) {
            assertSameAsDecoding(clip);
        }
    }

    @Test
    void aClipCutOffOrFollowedByAListChunkHasTheDecodedLength() throws Exception {
        byte[] clip = Files.readAllBytes(sharedAudio().resolve("jfk.wav"));
        int sizeField = indexOf(clip, "data") + 4;

        assertSameAsDecoding(write("size-0.wav", withInt(clip, sizeField, 0)));
        assertSameAsDecoding(write("size-unknown.wav", withInt(clip, sizeField, -1)));
        assertSameAsDecoding(write("cut-mid-frame.wav", Arrays.copyOf(clip, clip.length - 1001)));
        byte[] list = "LIST\u0010\0\0\0INFOISFT\u0004\0\0\0rec1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertSameAsDecoding(write("list-at-end.wav", concat(clip, list)));
    }

    private void assertSameAsDecoding(Path wav) throws Exception {
        AudioInfo fromHeader = headerOf(wav).info(Files.size(wav));
        AudioDecoder.Measurement decoded = decoder.measure(wav, LIMIT);
        AudioInfo probed = decoder.probe(wav);

        assertThat(fromHeader.durationSeconds()).as(wav.getFileName().toString())
                .isCloseTo(decoded.seconds(), org.assertj.core.data.Offset.offset(0.5 / fromHeader.sampleRate()));
        assertThat(fromHeader.sampleRate()).isEqualTo(probed.sampleRate());
        assertThat(fromHeader.channels()).isEqualTo(probed.channels());
        assertThat(fromHeader.format()).isEqualTo(probed.format());
    }

    private static PcmWavHeader headerOf(Path wav) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(wav)) {
            head = in.readNBytes(64 * 1024);
        }
        return PcmWavHeader.read(head, head.length).orElseThrow(() -> new AssertionError(wav + " is not PCM WAV"));
    }

    private static List<Path> sharedWavClips() throws IOException {
        try (Stream<Path> files = Files.list(sharedAudio())) {
            return files.filter(f -> f.toString().endsWith(".wav")).sorted().toList();
        }
    }

    private static Path sharedAudio() {
        return Path.of(System.getProperty("classreflect.shared", "../../../shared"), "audio");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static int indexOf(byte[] bytes, String ascii) {
        String text = new String(bytes, 0, Math.min(bytes.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.indexOf(ascii);
    }

    private static byte[] withInt(byte[] bytes, int offset, int value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return copy;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
