package org.classreflect.core.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.Word;
import org.junit.jupiter.api.Test;

class NameRedactorTest {

    private static Transcript of(String... lines) {
        List<Segment> segments = java.util.Arrays.stream(lines).map(l -> new Segment(0, 1, l, null, null)).toList();
        List<Word> words = java.util.Arrays.stream(String.join(" ", lines).split(" "))
                .map(w -> new Word(0, 1, w, null)).toList();
        return new Transcript("r-1", String.join(" ", lines), "en", "test", null, segments, words, words.size(), null,
                0, 1, Instant.EPOCH);
    }

    private final NameRedactor redactor = new NameRedactor();

    @Test
    void classListNamesAndNamesTheLessonRevealsBecomeStablePlaceholdersAndTheTeachersNameStays() {
        Transcript t = of("Good morning, I am Mr Jordan Blake.", "Thank you, Priya. Tom, what do you think?",
                "What do you think, Keisha?", "Priya's answer was right, Tom.");

        NameRedactor.Redacted r = redactor.redact(t, List.of("Tom Baker"), List.of("Jordan Blake"));

        assertThat(r.transcript().text()).isEqualTo("Good morning, I am Mr Jordan Blake. Thank you, Student A. "
                + "Student B, what do you think? What do you think, Student C? Student A's answer was right, "
                + "Student B.");
        assertThat(r.transcript().segments().get(1).text()).isEqualTo("Thank you, Student A. Student B, what do you "
                + "think?");
        assertThat(r.transcript().words()).extracting(Word::text).contains("Student A.").doesNotContain("Priya.");
        assertThat(r.names()).containsExactly("priya", "tom", "keisha");
    }

    @Test
    void wordsThatOpenSentencesOrAddressTheClassStayButANameThatIsAlsoAWordGoesWhereverCapitalised() {
        Transcript t = of("Okay, everyone. So, open your books.", "Will you mark the answer, Will?",
                "Thank you, Everyone.");

        NameRedactor.Redacted r = redactor.redact(t, List.of(), List.of("Jordan Blake"));

        assertThat(r.transcript().text()).isEqualTo("Okay, everyone. So, open your books. Student A you mark the "
                + "answer, Student A? Thank you, Everyone.");
    }
}
