package org.classreflect.api.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.classreflect.api.http.BadRequest;
import org.classreflect.core.transcript.format.TimedText;

/**
 * Reads ClassReflect's own JSON transcript export (its {@code segments}: start, end, text, and an optional speaker)
 * into cues for the import. JSON is read here, at the edge, because the core has no JSON parser; the cues are then
 * checked by the core like those of any other format. Other members of the export are ignored.
 */
final class TranscriptJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TranscriptJson() {
    }

    static List<TimedText> cues(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadRequest("the transcript is not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode segments = root == null ? null : root.get("segments");
        if (segments == null || !segments.isArray()) {
            throw new BadRequest("a JSON transcript needs a 'segments' array, as in the JSON export");
        }
        List<TimedText> cues = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            JsonNode s = segments.get(i);
            String where = "segment " + (i + 1) + ": ";
            if (!s.isObject() || !s.path("start").isNumber() || !s.path("end").isNumber()) {
                throw new BadRequest(where + "needs numeric 'start' and 'end' (seconds)");
            }
            JsonNode speaker = s.path("speaker");
            cues.add(new TimedText(s.get("start").asDouble(), s.get("end").asDouble(),
                    s.path("text").isTextual() ? s.get("text").asText() : null,
                    speaker.isTextual() ? speaker.asText() : null));
        }
        return cues;
    }
}
