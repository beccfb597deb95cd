package org.classreflect.core.redaction;

import java.util.List;
import java.util.Optional;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.school.User;
import org.classreflect.core.school.Users;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.Transcripts;

/**
 * The transcript store of a product that keeps students' names out: a transcript is stored with the names replaced when
 * its school has chosen so, before anything reads it. Evidence, exports and whatever is sent to a language model are
 * all made from the stored transcript, so none of them sees the names either.
 */
public final class RedactingTranscripts implements Transcripts {

    private final Transcripts store;
    private final Recordings recordings;
    private final Users users;
    private final SchoolPrivacySettings privacy;
    private final NameRedactor redactor = new NameRedactor();

    public RedactingTranscripts(Transcripts store, Recordings recordings, Users users,
                                SchoolPrivacySettings privacy) {
        this.store = store;
        this.recordings = recordings;
        this.users = users;
        this.privacy = privacy;
    }

    @Override
    public boolean saveIfAbsent(Transcript transcript) {
        return store.saveIfAbsent(redacted(transcript));
    }

    private Transcript redacted(Transcript transcript) {
        Optional<Recording> recording = recordings.find(transcript.recordingId());
        if (recording.isEmpty()) {
            return transcript;
        }
        SchoolPrivacy choices = privacy.find(recording.get().schoolId());
        if (!choices.redactStudentNames()) {
            return transcript;
        }
        List<String> teacher = users.find(recording.get().teacherId()).map(User::displayName).map(List::of)
                .orElse(List.of());
        return redactor.redact(transcript, choices.classList(), teacher).transcript();
    }

    @Override
    public Optional<Transcript> find(String recordingId) {
        return store.find(recordingId);
    }

    @Override
    public void delete(String recordingId) {
        store.delete(recordingId);
    }
}
