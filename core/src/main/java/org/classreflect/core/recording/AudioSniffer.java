package org.classreflect.core.recording;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;

/**
 * Tells audio from anything else by the first bytes of the content (magic numbers), never by the file name or the
 * content type a client claims. When it is not audio, {@link #describe} names what was found for the error message.
 */
public final class AudioSniffer {

    /** How many leading bytes {@link #detect} wants to see. */
    public static final int HEADER_BYTES = 16;

    /**
     * Looks at the first bytes of an upload without consuming them: the format, or the refusal to give the client
     * (empty: invalid input; anything else: unsupported media type, naming what was found).
     */
    public Result<AudioFormat> sniff(BufferedInputStream in) throws IOException {
        byte[] header = new byte[HEADER_BYTES];
        in.mark(header.length);
        int length = in.readNBytes(header, 0, header.length);
        in.reset();
        if (length == 0) {
            return Result.rejected(Rejection.invalid("the file is empty"));
        }
        return detect(header, length).<Result<AudioFormat>>map(Result::ok).orElseGet(() -> Result.rejected(
                Rejection.Reason.UNSUPPORTED_MEDIA_TYPE, "the file is not audio: it looks like "
                        + describe(header, length) + ". Upload mp3, wav, m4a, aac, ogg, flac or webm."));
    }

    public Optional<AudioFormat> detect(byte[] header, int length) {
        if (startsWith(header, length, 0, "RIFF") && startsWith(header, length, 8, "WAVE")) {
            return Optional.of(AudioFormat.WAV);
        }
        if (startsWith(header, length, 0, "ID3")) {
            return Optional.of(AudioFormat.MP3);
        }
        if (startsWith(header, length, 4, "ftyp")) {
            return Optional.of(AudioFormat.MP4_AUDIO);
        }
        if (startsWith(header, length, 0, "OggS")) {
            return Optional.of(AudioFormat.OGG);
        }
        if (startsWith(header, length, 0, "fLaC")) {
            return Optional.of(AudioFormat.FLAC);
        }
        if (length >= 4 && (header[0] & 0xFF) == 0x1A && (header[1] & 0xFF) == 0x45 && (header[2] & 0xFF) == 0xDF
                && (header[3] & 0xFF) == 0xA3) {
            return Optional.of(AudioFormat.WEBM);
        }
        if (length >= 2 && (header[0] & 0xFF) == 0xFF) {
            int b1 = header[1] & 0xFF;
            if ((b1 & 0xF6) == 0xF0) {
                return Optional.of(AudioFormat.AAC); // ADTS: sync word, layer bits 00
            }
            if ((b1 & 0xE0) == 0xE0 && (b1 & 0x06) != 0) {
                return Optional.of(AudioFormat.MP3); // MPEG audio frame sync without an ID3 tag
            }
        }
        return Optional.empty();
    }

    /** A short human name for content that is not audio, for the 415 message. */
    public String describe(byte[] header, int length) {
        if (startsWith(header, length, 1, "PNG")) {
            return "a PNG image";
        }
        if (length >= 3 && (header[0] & 0xFF) == 0xFF && (header[1] & 0xFF) == 0xD8 && (header[2] & 0xFF) == 0xFF) {
            return "a JPEG image";
        }
        if (startsWith(header, length, 0, "%PDF")) {
            return "a PDF document";
        }
        if (startsWith(header, length, 0, "PK")) {
            return "a ZIP archive (or an office document)";
        }
        if (startsWith(header, length, 0, "GIF8")) {
            return "a GIF image";
        }
        if (looksLikeText(header, length)) {
            return "text";
        }
        return "data of an unknown kind";
    }

    private static boolean looksLikeText(byte[] header, int length) {
        if (length == 0) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            int b = header[i] & 0xFF;
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] header, int length, int offset, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.US_ASCII);
        if (length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (header[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
