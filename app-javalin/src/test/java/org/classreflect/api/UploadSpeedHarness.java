package org.classreflect.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.classreflect.sdk.config.Setting;
import org.classreflect.testfixtures.fakes.FakeTranscriber;

/**
 * An upload against the plain cost of its bytes, side by side: for each size (MB) it writes a PCM WAV (48 kHz
 * stereo, a 45-minute lesson is about 500 MB), then times (1) copying it into the data directory and fsyncing it, and
 * (2) uploading it with curl through the real multipart API (streamed into the store with SHA-256 and
 * fsync, sniffed on the way, its length from the WAV header and the byte count). Prints both, the process's CPU time
 * during each (which, unlike wall time, does not grow much with other work on the machine), and the ratio of upload
 * speed to plain speed.
 * Usage: UploadSpeedHarness DIR SIZE_MB [SIZE_MB...] (the server's data in a fresh folder under DIR, removed at the end)
 */
public final class UploadSpeedHarness {

    private static final int RATE = 48_000;
    private static final int CHANNELS = 2;

    private UploadSpeedHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of(args[0])), "run-");
        var settings = TestServers.settings(dir).with(Setting.MAX_UPLOAD_MB, "2048")
                .with(Setting.WORKER_THREADS, "0");
        try (ClassReflectServer server = ClassReflectServer.start(settings, new FakeTranscriber(), false)) {
            String token = UploadMemoryHarness.teacherToken(server);
            for (int i = 1; i < args.length; i++) {
                int mb = Integer.parseInt(args[i]);
                Path wav = wav(dir, mb);
                long plainStart = System.nanoTime();
                double plainCpuStart = cpuSeconds();
                writeAndFsync(wav, dir.resolve("plain-copy"));
                double plain = (System.nanoTime() - plainStart) / 1e9;
                double plainCpu = cpuSeconds() - plainCpuStart;
                long uploadStart = System.nanoTime();
                double uploadCpuStart = cpuSeconds();
                int status = curl(server.port(), token, wav);
                double upload = (System.nanoTime() - uploadStart) / 1e9;
                double uploadCpu = cpuSeconds() - uploadCpuStart;
                System.out.printf("%5d MB: write+fsync %6.2f s (%6.1f MB/s, CPU %5.2f s) | upload HTTP %d %6.2f s "
                        + "(%6.1f MB/s, CPU %5.2f s) | upload speed / plain speed = %.2f%n", mb, plain, mb / plain,
                        plainCpu, status, upload, mb / upload, uploadCpu, plain / upload);
                Files.delete(wav);
                Files.delete(dir.resolve("plain-copy"));
                deleteStoredAudio(dir); // as the plain copy is: each size starts from the same disk and page cache
            }
        } finally {
            UploadMemoryHarness.deleteTree(dir);
        }
    }

    /**
     * Uploads with curl, in its own process as a teacher's browser is on its own machine: the CPU time printed is
     * then the server's alone (the JDK's HTTP client in this JVM cost 0.3 to 0.5 s of CPU per 500 MB).
     */
    private static int curl(int port, String token, Path file) throws Exception {
        Process curl = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                "-H", "Authorization: Bearer " + token, "-F", "file=@" + file + ";type=audio/wav",
                "http://127.0.0.1:" + port + "/api/recordings").redirectErrorStream(true).start();
        String status = new String(curl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        if (curl.waitFor() != 0) {
            throw new IllegalStateException("curl failed: " + status);
        }
        return Integer.parseInt(status);
    }

    private static void deleteStoredAudio(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir.resolve("audio"))) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.delete(file);
            }
        }
    }

    /** CPU time of the whole process (the server's threads and the JVM's own), user and system. */
    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static void writeAndFsync(Path source, Path target) throws Exception {
        try (InputStream in = Files.newInputStream(source);
             FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream out = Channels.newOutputStream(channel)) {
            in.transferTo(out);
            channel.force(true);
        }
    }

    /** A PCM WAV of about that size holding a quiet tone, written in 1 MB blocks. */
    static Path wav(Path dir, int mb) throws Exception {
        Path file = dir.resolve("lesson-" + mb + ".wav");
        int dataBytes = mb * 1024 * 1024 / 4 * 4;
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVEfmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) CHANNELS).putInt(RATE).putInt(RATE * CHANNELS * 2)
                .putShort((short) (CHANNELS * 2)).putShort((short) 16).put("data".getBytes()).putInt(dataBytes);
        header.flip();
        ByteBuffer block = ByteBuffer.allocate(1024 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        for (int frame = 0; block.remaining() >= 4; frame++) {
            short sample = (short) (3000 * Math.sin(2 * Math.PI * 440 * frame / RATE));
            block.putShort(sample).putShort(sample);
        }
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(header);
            for (int written = 0; written < dataBytes; written += block.capacity()) {
                block.rewind().limit(Math.min(block.capacity(), dataBytes - written));
                out.write(block);
            }
        }
        return file;
    }
}
