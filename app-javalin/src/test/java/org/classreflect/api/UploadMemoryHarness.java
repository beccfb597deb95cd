package org.classreflect.api;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.classreflect.testfixtures.fakes.FakeTranscriber;

/**
 * Measures the heap an upload needs: uploads a generated WAV of the given size (MB) through the real HTTP API and
 * prints the peak heap used during the upload. Run it with a small -Xmx to show uploads do not need the file in memory.
 * Usage: UploadMemoryHarness SIZE_MB [SIZE_MB...]
 */
public final class UploadMemoryHarness {

    private UploadMemoryHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("upload-harness");
        var settings = TestServers.settings(dir).with(org.classreflect.sdk.config.Setting.MAX_UPLOAD_MB, "2048")
                .with(org.classreflect.sdk.config.Setting.WORKER_THREADS, "0");
        try (ClassReflectServer server = ClassReflectServer.start(settings, new FakeTranscriber(), false)) {
            String token = teacherToken(server);
            System.out.printf("max heap %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
            for (String arg : args) {
                int mb = Integer.parseInt(arg);
                Path file = wav(dir, mb);
                System.gc();
                resetPeaks();
                long start = System.nanoTime();
                int status = upload(server.port(), token, file);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("upload %5d MB: HTTP %d in %6.2f s (%6.1f MB/s), peak heap during upload %4d MB%n",
                        mb, status, seconds, mb / seconds, peakHeapBytes() >> 20);
                Files.delete(file);
            }
        }
    }

    /** A teacher of a new school, signed in: the access token. */
    static String teacherToken(ClassReflectServer server) throws Exception {
        ApiClient admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        String school = admin.post("/api/schools", Map.of("name", "Harness")).json().get("id").asText();
        admin.post("/api/users", Map.of("email", "h@h.test", "displayName", "H", "role", "teacher",
                "schoolId", school, "password", "harness-kettle-orbit"));
        return new ApiClient(server.port()).login("h@h.test", "harness-kettle-orbit").token();
    }

    /** Uploads the file through the real multipart API, streamed from disk; the HTTP status. */
    static int upload(int port, String token, Path file) throws Exception {
        String boundary = "harness-boundary";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/recordings"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
                                + "name=\"file\"; filename=\"lesson.wav\"\r\n\r\n"),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Path wav(Path dir, int mb) throws Exception {
        Path file = dir.resolve("lesson-" + mb + ".wav");
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.wrap("RIFF\0\0\0\0WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(header);
            out.write(ByteBuffer.allocate(1), (long) mb * 1024 * 1024 - 1);
        }
        return file;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
