package org.classreflect.adapters.audio;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.av_get_media_type_string;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.core.audio.AudioInfo;
import org.classreflect.core.audio.UndecodableAudioException;

/**
 * Decodes any container and codec FFmpeg knows (mp3, wav, m4a/aac, ogg/opus, webm, flac, ...) with the FFmpeg
 * libraries that JavaCV ships as Maven artifacts; no ffmpeg program is needed on the host. What a file is comes
 * from FFmpeg's own probing of its content, never from its name. Each call opens its own grabber, so one decoder
 * serves many threads.
 */
public final class FfmpegAudioDecoder implements AudioDecoder {

    /** Probing decodes this many frames to prove the sound is really decodable, not just announced by a header. */
    private static final int FRAMES_TO_PROVE = 3;
    private static final int HEAD_BYTES = 12;

    static {
        av_log_set_level(AV_LOG_FATAL);
    }

    @Override
    public AudioInfo probe(Path file) throws IOException, UndecodableAudioException {
        requireFile(file);
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        try {
            open(grabber, file);
            AVStream stream = audioStream(grabber);
            AVCodecParameters codec = stream.codecpar();
            String format = grabber.getFormat() + "/" + grabber.getAudioCodecName();
            int sampleRate = codec.sample_rate();
            int channels = codec.ch_layout().nb_channels();
            proveDecodable(grabber, format);
            double seconds = grabber.getLengthInTime() > 0 ? grabber.getLengthInTime() / 1e6
                    : lengthOfPackets(grabber, stream);
            return new AudioInfo(format, seconds, sampleRate, channels);
        } catch (FrameGrabber.Exception e) {
            throw new UndecodableAudioException("the sound in the file cannot be decoded: " + e.getMessage(), e);
        } finally {
            release(grabber);
        }
    }

    @Override
    public void decode(Path file, int chunkSamples, Consumer<float[]> chunks)
            throws IOException, UndecodableAudioException {
        if (chunkSamples < 1) {
            throw new IllegalArgumentException("chunkSamples must be at least 1");
        }
        requireFile(file);
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setSampleRate(SAMPLE_RATE);
        grabber.setSampleFormat(AV_SAMPLE_FMT_FLT); // interleaved; channels are averaged here, see below
        try {
            open(grabber, file);
            audioStream(grabber);
            float[] chunk = new float[chunkSamples];
            int filled = 0;
            for (Frame frame = grabber.grabSamples(); frame != null; frame = grabber.grabSamples()) {
                if (frame.samples == null) {
                    continue;
                }
                FloatBuffer samples = (FloatBuffer) frame.samples[0];
                int channels = frame.audioChannels;
                while (samples.remaining() >= channels) {
                    int n = Math.min(samples.remaining() / channels, chunkSamples - filled);
                    averageChannels(samples, channels, chunk, filled, n);
                    filled += n;
                    if (filled == chunkSamples) {
                        chunks.accept(chunk);
                        chunk = new float[chunkSamples];
                        filled = 0;
                    }
                }
            }
            if (filled > 0) {
                chunks.accept(Arrays.copyOf(chunk, filled));
            }
        } catch (FrameGrabber.Exception e) {
            throw new UndecodableAudioException("the sound in the file cannot be decoded: " + e.getMessage(), e);
        } finally {
            release(grabber);
        }
    }

    /**
     * The same genuine count as decoding (every frame is decoded, so a header cannot lie about the length), but at the
     * file's own rate and sample format: converting to 16 kHz float and averaging the channels cost most of a
     * measure, and a length needs neither.
     */
    @Override
    public Measurement measure(Path file, Duration limit) throws IOException, UndecodableAudioException {
        requireFile(file);
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        try {
            open(grabber, file);
            audioStream(grabber);
            double limitSeconds = limit.toMillis() / 1000.0;
            // counted in samples per rate, divided once: adding up each frame's seconds drifts (11.000000000000007)
            double earlierRates = 0;
            long samples = 0;
            int rate = 0;
            for (Frame frame = grabber.grabSamples(); frame != null; frame = grabber.grabSamples()) {
                if (frame.samples == null || frame.sampleRate <= 0) {
                    continue;
                }
                if (frame.sampleRate != rate) {
                    earlierRates += rate == 0 ? 0 : samples / (double) rate;
                    samples = 0;
                    rate = frame.sampleRate;
                }
                samples += frame.samples.length > 1 ? frame.samples[0].remaining()
                        : frame.samples[0].remaining() / Math.max(1, frame.audioChannels);
                double seconds = earlierRates + samples / (double) rate;
                if (seconds > limitSeconds) {
                    return new Measurement(seconds, true);
                }
            }
            return new Measurement(earlierRates + (rate == 0 ? 0 : samples / (double) rate), false);
        } catch (FrameGrabber.Exception e) {
            throw new UndecodableAudioException("the sound in the file cannot be decoded: " + e.getMessage(), e);
        } finally {
            release(grabber);
        }
    }

    /**
     * Mono as the mean of the channels. FFmpeg's own downmix adds them at -3 dB each, which makes a stereo recording
     * of one voice 3 dB louder than its mono original and clips loud speech. Lossy codecs overshoot full scale a
     * little; engines expect [-1, 1], hence the clamp.
     */
    private static void averageChannels(FloatBuffer interleaved, int channels, float[] mono, int offset, int frames) {
        for (int f = 0; f < frames; f++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += interleaved.get();
            }
            mono[offset + f] = Math.max(-1f, Math.min(1f, sum / channels));
        }
    }

    private static void requireFile(Path file) throws NoSuchFileException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
    }

    private static void open(FFmpegFrameGrabber grabber, Path file) throws IOException, UndecodableAudioException {
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            throw new UndecodableAudioException("FFmpeg recognises no audio or video format in the file (it begins "
                    + firstBytes(file) + ")", e);
        }
    }

    /** E.g. {@code 49 44 33 04 00 00 00 00 "ID3....."}: enough to tell what a file was meant to be. */
    private static String firstBytes(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        StringBuilder hex = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (byte b : head) {
            hex.append(String.format("%02x ", b & 0xFF));
            text.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
        }
        return head.length == 0 ? "with nothing: it is empty" : "with " + hex + "\"" + text + "\"";
    }

    /** The stream the grabber decodes: the first audio stream. */
    private static AVStream audioStream(FFmpegFrameGrabber grabber) throws UndecodableAudioException {
        AVFormatContext context = grabber.getFormatContext();
        for (int i = 0; grabber.hasAudio() && i < context.nb_streams(); i++) {
            if (context.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_AUDIO) {
                return context.streams(i);
            }
        }
        throw new UndecodableAudioException("the file holds no sound: FFmpeg found " + describe(context));
    }

    /** E.g. "a 'piped png sequence' (png_pipe) with a png video stream". */
    private static String describe(AVFormatContext context) {
        StringBuilder found = new StringBuilder("a '").append(context.iformat().long_name().getString())
                .append("' (").append(context.iformat().name().getString()).append(")");
        if (context.nb_streams() == 0) {
            return found.append(" with no streams").toString();
        }
        found.append(" with ");
        for (int i = 0; i < context.nb_streams(); i++) {
            AVCodecParameters codec = context.streams(i).codecpar();
            String type = av_get_media_type_string(codec.codec_type()).getString();
            found.append(i == 0 ? "" : " and ").append("a ")
                    .append(avcodec_get_name(codec.codec_id()).getString()).append(' ').append(type)
                    .append(" stream");
        }
        return found.toString();
    }

    private static void proveDecodable(FFmpegFrameGrabber grabber, String format)
            throws FrameGrabber.Exception, UndecodableAudioException {
        for (int i = 0; i < FRAMES_TO_PROVE; i++) {
            Frame frame = grabber.grabSamples();
            if (frame == null) {
                if (i == 0) {
                    throw new UndecodableAudioException("the file announces " + format
                            + " sound but holds none that decodes");
                }
                return;
            }
        }
    }

    /** For containers that do not state their length (e.g. a browser's webm): the end of the last audio packet. */
    private static double lengthOfPackets(FFmpegFrameGrabber grabber, AVStream stream) throws FrameGrabber.Exception {
        double timeBase = stream.time_base().num() / (double) stream.time_base().den();
        long end = 0;
        for (AVPacket packet = grabber.grabPacket(); packet != null; packet = grabber.grabPacket()) {
            if (packet.stream_index() == stream.index() && packet.pts() != AV_NOPTS_VALUE) {
                end = Math.max(end, packet.pts() + packet.duration());
            }
        }
        long start = stream.start_time() == AV_NOPTS_VALUE ? 0 : stream.start_time();
        return Math.max(0, (end - start) * timeBase);
    }

    private static void release(FFmpegFrameGrabber grabber) {
        try {
            grabber.release();
        } catch (FrameGrabber.Exception e) {
            // nothing left to do with this grabber; the file is closed as far as FFmpeg can
        }
    }
}
