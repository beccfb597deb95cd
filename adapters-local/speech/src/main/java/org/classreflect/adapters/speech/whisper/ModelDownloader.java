package org.classreflect.adapters.speech.whisper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a catalogue model into the models directory: over HTTP(S) into {@code <file>.part}, resuming what an
 * earlier attempt left there (HTTP Range), then checks the size and sha-256 when the catalogue knows them, and only
 * then moves the file into place, so a model file in the directory is always whole.
 */
public final class ModelDownloader {

    /** Attempts per pull; each resumes where the last one stopped. */
    static final int ATTEMPTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(ModelDownloader.class);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final int BUFFER = 1 << 16;

    /** How far a download has got; {@code totalBytes} is -1 while unknown. */
    @FunctionalInterface
    public interface Progress {
        Progress IGNORE = (done, total) -> { };

        void bytes(long doneBytes, long totalBytes);
    }

    /** How the installed file was checked. */
    public enum Verification { SHA256_MATCHED, SIZE_ONLY, NOT_VERIFIED }

    /** The model file in place, its sha-256, how it was checked, and whether it was there already. */
    public record Pulled(Path file, String sha256, Verification verification, boolean alreadyPresent) {
    }

    private final URI baseUri;
    private final HttpClient http;

    public ModelDownloader(URI baseUri) {
        String base = baseUri.toString();
        this.baseUri = URI.create(base.endsWith("/") ? base : base + "/");
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    public URI urlOf(CatalogueModel model) {
        return baseUri.resolve(model.fileName());
    }

    public Pulled pull(CatalogueModel model, Path directory, Progress progress)
            throws ModelDownloadException, IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(model.fileName());
        Path part = directory.resolve(model.fileName() + ".part");
        if (Files.isRegularFile(target)) {
            String existing = sha256(target);
            if (mismatch(model, target, existing).isEmpty()) {
                return new Pulled(target, existing, verificationOf(model), true);
            }
            LOG.warn("{} does not match the catalogue; downloading it again", target);
        }
        download(model, part, progress);
        String actual = sha256(part);
        Optional<String> mismatch = mismatch(model, part, actual);
        if (mismatch.isPresent()) {
            Files.delete(part);
            throw new ModelDownloadException("the download of " + model.name() + " " + mismatch.get()
                    + "; nothing was installed");
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return new Pulled(target, actual, verificationOf(model), false);
    }

    private void download(CatalogueModel model, Path part, Progress progress)
            throws ModelDownloadException, IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                fetchInto(model, part, progress);
                return;
            } catch (IOException e) {
                long have = Files.exists(part) ? Files.size(part) : 0;
                if (attempt == ATTEMPTS) {
                    throw new ModelDownloadException("the download of " + model.name() + " from " + urlOf(model)
                            + " broke off after " + have + " bytes (" + e.getMessage() + "); " + ATTEMPTS
                            + " attempts made. Run the same command again to resume from there.", e);
                }
                LOG.info("download of {} broke off at {} bytes ({}); resuming", model.name(), have, e.toString());
            }
        }
    }

    private void fetchInto(CatalogueModel model, Path part, Progress progress)
            throws ModelDownloadException, IOException {
        URI url = urlOf(model);
        long have = Files.exists(part) ? Files.size(part) : 0;
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 416 && model.sizeBytes().isPresent() && have == model.sizeBytes().getAsLong()) {
                return;
            }
            if (status == 416) {
                Files.deleteIfExists(part);
                throw new IOException("the server refused to resume at byte " + have + "; starting again");
            }
            if (status == 404) {
                throw new ModelDownloadException("the model host has no " + model.fileName() + " (HTTP 404 from "
                        + url + "); check the name with `models list`, or the models URL setting");
            }
            if (status != 200 && status != 206) {
                throw new ModelDownloadException("the model host answered HTTP " + status + " for " + url);
            }
            if (status == 206 && rangeStart(response) != have) {
                Files.deleteIfExists(part);
                throw new IOException("the server resumed at another byte than " + have + "; starting again");
            }
            long total = totalSize(response, status, model);
            copy(body, part, status == 206 ? have : 0, total, progress);
        }
    }

    private static void copy(InputStream body, Path part, long have, long total, Progress progress)
            throws IOException {
        StandardOpenOption mode = have > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        long done = have;
        progress.bytes(done, total);
        try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            byte[] buffer = new byte[BUFFER];
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                out.write(buffer, 0, n);
                done += n;
                progress.bytes(done, total);
            }
        }
        if (total >= 0 && done < total) {
            throw new IOException("the connection closed after " + done + " of " + total + " bytes");
        }
    }

    private static long rangeStart(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Range")
                .map(CONTENT_RANGE::matcher)
                .filter(Matcher::matches)
                .map(m -> Long.parseLong(m.group(1)))
                .orElse(-1L);
    }

    private static long totalSize(HttpResponse<?> response, int status, CatalogueModel model) {
        Optional<String> range = response.headers().firstValue("Content-Range");
        if (status == 206 && range.isPresent()) {
            Matcher m = CONTENT_RANGE.matcher(range.get());
            if (m.matches() && !m.group(3).equals("*")) {
                return Long.parseLong(m.group(3));
            }
        }
        OptionalLong length = response.headers().firstValueAsLong("Content-Length");
        if (status == 200 && length.isPresent()) {
            return length.getAsLong();
        }
        return model.sizeBytes().orElse(-1);
    }

    /** What is wrong with a file against the catalogue's size and sha-256, as far as they are known. */
    private static Optional<String> mismatch(CatalogueModel model, Path file, String sha256) throws IOException {
        long size = Files.size(file);
        if (model.sizeBytes().isPresent() && size != model.sizeBytes().getAsLong()) {
            return Optional.of("has " + size + " bytes where " + model.sizeBytes().getAsLong() + " were published");
        }
        if (model.sha256().isPresent() && !model.sha256().get().equals(sha256)) {
            return Optional.of("failed its checksum: sha-256 " + sha256 + " where " + model.sha256().get()
                    + " was published");
        }
        return Optional.empty();
    }

    private static Verification verificationOf(CatalogueModel model) {
        if (model.sha256().isPresent()) {
            return Verification.SHA256_MATCHED;
        }
        return model.sizeBytes().isPresent() ? Verification.SIZE_ONLY : Verification.NOT_VERIFIED;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
