package org.classreflect.adapters.audio.speaker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.classreflect.core.metrics.Utterance;
import org.classreflect.core.metrics.Utterances;

/** A word table from test resources (start, end, word[, speaker tag]) cut into utterances the way transcripts are. */
record WordTable(List<Utterance> utterances, List<Integer> speakerTags) {

    static WordTable read(String resource) throws IOException {
        List<Utterance> words = new ArrayList<>();
        List<Integer> tags = new ArrayList<>();
        try (InputStream in = WordTable.class.getResourceAsStream("/speaker/" + resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                words.add(new Utterance(Double.parseDouble(f[0]), Double.parseDouble(f[1]), f[2]));
                tags.add(f.length > 3 ? Integer.parseInt(f[3]) : 1);
            }
        }
        List<Utterance> utterances = Utterances.join(words);
        List<Integer> utteranceTags = new ArrayList<>();
        for (Utterance u : utterances) { // the tag of the utterance's first word
            int first = 0;
            while (words.get(first).start() < u.start()) {
                first++;
            }
            utteranceTags.add(tags.get(first));
        }
        return new WordTable(utterances, utteranceTags);
    }
}
