package org.classreflect.core.recording;

/** A change of status that the status machine does not allow. */
public final class IllegalTransitionException extends IllegalStateException {

    public IllegalTransitionException(RecordingStatus from, RecordingStatus to) {
        super("a recording cannot go from " + from.wireName() + " to " + to.wireName());
    }
}
