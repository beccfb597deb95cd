package org.classreflect.core.metrics;

import java.io.IOException;
import java.util.List;

/** Port: tells the teacher's utterances from the students' by listening to the audio. */
public interface SpeakerEstimator {

    /** One speaker per utterance, in the order given; the utterances are in time order. */
    SpeakerEstimate estimate(List<Utterance> utterances, SampleSource audio) throws IOException;
}
