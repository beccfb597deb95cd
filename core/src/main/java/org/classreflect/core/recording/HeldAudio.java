package org.classreflect.core.recording;

/**
 * A new lesson's audio taken in before its details are known (a form whose fields may follow its file): stored and
 * checked under the id its recording will take, but named by no recording until {@link UploadRecording} or
 * {@code ImportTranscript} files it, or {@link UploadRecording#release} removes it.
 */
public record HeldAudio(String recordingId, String originalFileName, String contentType, AudioIntake.Taken taken) {
}
