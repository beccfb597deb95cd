package org.classreflect.api.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.classreflect.api.views.AccessEntryView;
import org.classreflect.api.views.AnalysisView;
import org.classreflect.api.views.RecordingView;
import org.classreflect.api.views.UserView;
import org.classreflect.core.dataexport.ExportedLesson;
import org.classreflect.core.dataexport.PersonalData;
import org.classreflect.core.transcript.export.TranscriptFormat;

/**
 * Writes an export as one zip, entry by entry as the data is read: {@code account.json}, per lesson a folder with
 * {@code recording.json}, {@code transcript.json}, {@code transcript.srt}, {@code analyses.json}, the audio while it
 * is kept and a {@code manifest.json} of that folder; then {@code progress.json}, {@code access-log.json} and last the
 * top {@code manifest.json}. Each manifest lists the files beside it with their size and SHA-256, so memory stays
 * bounded by one lesson however many there are.
 */
public final class PersonalDataArchive {

    private record Written(String path, long bytes, String sha256) {
    }

    private final ObjectMapper json;

    public PersonalDataArchive(ObjectMapper json) {
        this.json = json.copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** Writes the archive; {@code progress} hears lessons written of the total after each lesson. */
    public void write(PersonalData data, String exportedBy, Instant now, OutputStream out, Progress progress)
            throws IOException {
        long total = data.lessonCount();
        List<Written> written = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("school", data.school());
            account.put("accounts", data.accounts().stream().map(UserView::of).toList());
            written.add(entry(zip, "account.json", account));
            long[] done = {0};
            progress.lessons(0, total);
            data.forEachLesson(lesson -> {
                try {
                    writeLesson(zip, data, lesson);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                progress.lessons(++done[0], total);
            });
            written.add(entry(zip, "progress.json", data.progress()));
            List<AccessEntryView> entries = new ArrayList<>();
            data.forEachAccessEntry(line -> entries.add(AccessEntryView.of(line)));
            written.add(entry(zip, "access-log.json", entries));
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("kind", data.kind().wireName());
            manifest.put("subjectId", data.subjectId());
            manifest.put("schoolId", data.school().id());
            manifest.put("exportedBy", exportedBy);
            manifest.put("exportedAt", now);
            manifest.put("lessons", done[0]);
            manifest.put("lessonFolders", "lessons/<day>-<recording id>/, each with its own manifest.json");
            manifest.put("files", written);
            entry(zip, "manifest.json", manifest);
            progress.finished(done[0]);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Hears how far an archive has got; {@code finished} comes before its last bytes are written. */
    public interface Progress {
        void lessons(long written, long total);

        void finished(long lessons);
    }

    private void writeLesson(ZipOutputStream zip, PersonalData data, ExportedLesson lesson) throws IOException {
        List<Written> written = new ArrayList<>();
        var r = lesson.recording();
        String folder = "lessons/" + r.createdAt().toString().substring(0, 10) + "-" + r.id() + "/";
        written.add(entry(zip, folder + "recording.json", RecordingView.of(r)));
        if (lesson.transcript() != null) {
            written.add(text(zip, folder + "transcript.json", TranscriptFormat.JSON.write(lesson.transcript())));
            written.add(text(zip, folder + "transcript.srt", TranscriptFormat.SRT.write(lesson.transcript())));
        }
        written.add(entry(zip, folder + "analyses.json", lesson.analyses().stream()
                .map(a -> AnalysisView.of(a, lesson.scoresHidden(), lesson.scoreGoal())).toList()));
        Optional<InputStream> audio = data.openAudio(r);
        if (audio.isPresent()) {
            try (InputStream in = audio.get()) {
                written.add(copy(zip, folder + "audio" + extension(r.originalFileName()), in));
            }
        }
        entry(zip, folder + "manifest.json", Map.of("files", written));
    }

    private static String extension(String fileName) {
        if (fileName == null) {
            return ".audio";
        }
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot).toLowerCase(java.util.Locale.ROOT);
        return ext.matches("\\.[a-z0-9]{1,5}") ? ext : ".audio";
    }

    private Written entry(ZipOutputStream zip, String path, Object value) throws IOException {
        Counted out = begin(zip, path);
        json.writerWithDefaultPrettyPrinter().writeValue(out.stream(), value);
        return out.end(path);
    }

    private static Written text(ZipOutputStream zip, String path, String text) throws IOException {
        Counted out = begin(zip, path);
        out.stream().write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return out.end(path);
    }

    private static Written copy(ZipOutputStream zip, String path, InputStream in) throws IOException {
        Counted out = begin(zip, path);
        in.transferTo(out.stream());
        return out.end(path);
    }

    private static Counted begin(ZipOutputStream zip, String path) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        return new Counted(zip);
    }

    /** Counts and hashes what goes into one entry. */
    private static final class Counted {

        private final ZipOutputStream zip;
        private final MessageDigest sha256;
        private final DigestOutputStream stream;
        private long bytes;

        Counted(ZipOutputStream zip) {
            this.zip = zip;
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            OutputStream counting = new FilterOutputStream(zip) {
                @Override
                public void write(int b) throws IOException {
                    zip.write(b);
                    bytes++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    zip.write(b, off, len);
                    bytes += len;
                }

                @Override
                public void close() {
                    // the entry ends in end(); the zip stays open
                }
            };
            stream = new DigestOutputStream(counting, sha256);
        }

        OutputStream stream() {
            return stream;
        }

        Written end(String path) throws IOException {
            stream.flush();
            zip.closeEntry();
            return new Written(path, bytes, HexFormat.of().formatHex(sha256.digest()));
        }
    }
}
