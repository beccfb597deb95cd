package org.classreflect.api;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.classreflect.testfixtures.fakes.FakeTranscriber;

/**
 * Measures the heap an upload needs: uploads a generated PCM WAV of the given size (MB) through the real HTTP API and
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
                Path file = UploadSpeedHarness.wav(dir, mb);
                System.gc();
                resetPeaks();
                long start = System.nanoTime();
                int status = upload(server.port(), token, file);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("upload %5d MB: HTTP %d in %6.2f s (%6.1f MB/s), peak heap during upload %4d MB%n",
                        mb, status, seconds, mb / seconds, peakHeapBytes() >> 20);
                Files.delete(file);
            }
        } finally {
            deleteTree(dir);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
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

    /**
     * Uploads the file through the real multipart API, streamed from disk; the HTTP status. The boundary is a
     * browser's (Chrome and Safari send "----WebKitFormBoundary" and 16 random characters, 38 in all): the parser's
     * search for it costs less the longer it is, so a short one would overstate the server's work.
     */
    static int upload(int port, String token, Path file) throws Exception {
        String boundary = "----WebKitFormBoundary" + randomAlphanumeric(16);
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

    private static String randomAlphanumeric(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        java.util.Random random = new java.util.Random();
        StringBuilder chars = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            chars.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return chars.toString();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
