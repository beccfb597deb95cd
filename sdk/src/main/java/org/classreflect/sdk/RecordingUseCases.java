package org.classreflect.sdk;

import org.classreflect.core.deletion.DeleteRecording;
import org.classreflect.core.recording.GetRecording;
import org.classreflect.core.recording.GetRecordingAudio;
import org.classreflect.core.recording.ListRecordings;
import org.classreflect.core.recording.RetryRecording;
import org.classreflect.core.recording.UploadRecording;
import org.classreflect.core.transcript.GetTranscript;

/** What can be done with lesson recordings and their transcripts; each use case checks the actor's rights. */
public record RecordingUseCases(UploadRecording upload, ListRecordings list, GetRecording get,
                                GetRecordingAudio audio, GetTranscript transcript, RetryRecording retry,
                                DeleteRecording delete) {
}
