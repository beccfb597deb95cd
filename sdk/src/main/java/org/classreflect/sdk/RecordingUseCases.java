package org.classreflect.sdk;

import org.classreflect.core.deletion.DeleteRecording;
import org.classreflect.core.recording.GetRecording;
import org.classreflect.core.recording.GetRecordingAudio;
import org.classreflect.core.recording.ListRecordings;
import org.classreflect.core.recording.RetryRecording;
import org.classreflect.core.recording.UploadRecording;
import org.classreflect.core.transcript.GetTranscript;
import org.classreflect.core.transcript.ImportTranscript;

/**
 * What can be done with lesson recordings and their transcripts; each use case checks the actor's rights. A lesson
 * comes in as audio ({@code upload}, transcribed by a worker) or as a transcript the host already has
 * ({@code importTranscript}: SRT, WebVTT or timed cues, with or without the audio).
 */
public record RecordingUseCases(UploadRecording upload, ImportTranscript importTranscript, ListRecordings list,
                                GetRecording get, GetRecordingAudio audio, GetTranscript transcript,
                                RetryRecording retry, DeleteRecording delete) {
}
