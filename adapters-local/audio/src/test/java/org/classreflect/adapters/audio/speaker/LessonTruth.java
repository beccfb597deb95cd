package org.classreflect.adapters.audio.speaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.classreflect.core.metrics.Speaker;
import org.classreflect.core.metrics.Utterance;

/** The synthetic lesson's truth file: every utterance with its speaker, and the summary figures. */
record LessonTruth(List<Utterance> utterances, List<Speaker> speakers, JsonNode summary) {

    static LessonTruth read() throws IOException {
        JsonNode root = new ObjectMapper().readTree(Wav.AUDIO.resolve("synthetic-lesson-water-cycle.truth.json")
                .toFile());
        List<Utterance> utterances = new ArrayList<>();
        List<Speaker> speakers = new ArrayList<>();
        for (JsonNode u : root.get("utterances")) {
            utterances.add(new Utterance(u.get("start").asDouble(), u.get("end").asDouble(), u.get("text").asText()));
            speakers.add(u.get("speaker").asText().equals("teacher") ? Speaker.TEACHER : Speaker.STUDENT);
        }
        return new LessonTruth(utterances, speakers, root.get("summary"));
    }

    /** Share of speech time whose estimated speaker matches the truth. */
    double agreement(List<Speaker> estimated) {
        double right = 0;
        double total = 0;
        for (int i = 0; i < utterances.size(); i++) {
            total += utterances.get(i).seconds();
            right += estimated.get(i) == speakers.get(i) ? utterances.get(i).seconds() : 0;
        }
        return right / total;
    }
}
