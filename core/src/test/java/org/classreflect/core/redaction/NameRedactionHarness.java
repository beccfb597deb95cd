package org.classreflect.core.redaction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcript;
import org.junit.jupiter.api.Test;

/**
 * Measures {@link NameRedactor} on generated lessons with names (not run by the build; run it with
 * {@code -Dtest=NameRedactionHarness}). Each lesson is a script make_lesson.py can voice (written to
 * target/redaction-lessons); the redactor reads the script's text, so the figures leave speech recognition out.
 * Prints the recall of student names (occurrences replaced), the words wrongly replaced, and the teacher's name kept.
 */
class NameRedactionHarness {

    private static final List<String> POOL = List.of("Priya", "Tom", "Keisha", "Oliver", "Amara", "Liam", "Sofia",
            "Noah", "Zara", "Ethan", "Maya", "Lucas", "Aisha", "Leo", "Chloe", "Mohammed", "Isla", "Jack", "Freya",
            "Arjun", "Will", "Grace", "Mark", "Rose", "Hope", "Jayden", "Fatima", "Oscar", "Mia", "Kai");
    private static final List<String> VOCATIVE_TURNS = List.of("Thank you, %s. ", "%s, what do you think? ",
            "What do you think, %s? ", "Good point, %s. ", "Well done, %s. ", "Go ahead, %s. ",
            "%s, can you read the next line? ", "Can you explain that, %s? ");
    private static final List<String> MENTION_TURNS = List.of("%s said that plants need light. ",
            "I agree with %s about the water. ", "Let us build on what %s said. ");
    private static final List<String> FILLER = List.of("Open your books at page twelve. ",
            "What do plants need to grow? ", "Will you mark the answer on the sheet? ", "May I have your attention? ",
            "So, let us look at the diagram. ", "Okay, everyone, quiet please. ", "Hope is not a plan, check it. ",
            "Grace notes are short. ", "The rose in the picture needs sunlight. ", "Right, who can tell me why? ",
            "Water moves up the stem. ", "Now, write it down. ");

    @Test
    void measure() throws IOException {
        Random random = new Random(16);
        Path out = Files.createDirectories(Path.of("target", "redaction-lessons"));
        NameRedactor redactor = new NameRedactor();
        int lessons = 50;
        long nameOccurrences = 0;
        long namesReplaced = 0;
        long otherWords = 0;
        long otherWordsReplaced = 0;
        long teacherKept = 0;
        long teacherMentions = 0;
        for (int lesson = 0; lesson < lessons; lesson++) {
            List<String> students = new ArrayList<>(POOL);
            java.util.Collections.shuffle(students, random);
            List<String> inClass = students.subList(0, 12);
            List<String> classList = inClass.subList(0, 9);
            String teacher = "Jordan Blake";
            StringBuilder script = new StringBuilder("[");
            List<String> turns = new ArrayList<>();
            List<Set<String>> namesPerTurn = new ArrayList<>();
            turns.add("Good morning, I am Mr Jordan Blake. ");
            namesPerTurn.add(Set.of());
            for (int i = 0; i < 40; i++) {
                String name = inClass.get(random.nextInt(inClass.size()));
                int kind = random.nextInt(10);
                String turn;
                if (kind < 4) {
                    turn = String.format(VOCATIVE_TURNS.get(random.nextInt(VOCATIVE_TURNS.size())), name);
                    namesPerTurn.add(Set.of(name));
                } else if (kind < 6) {
                    turn = String.format(MENTION_TURNS.get(random.nextInt(MENTION_TURNS.size())), name);
                    namesPerTurn.add(Set.of(name));
                } else {
                    turn = FILLER.get(random.nextInt(FILLER.size()));
                    namesPerTurn.add(Set.of());
                }
                turns.add(turn);
                script.append(i == 0 ? "" : ",").append("{\"speaker\":\"teacher\",\"text\":\"")
                        .append(turn.strip()).append("\"}");
            }
            Files.writeString(out.resolve("lesson-" + lesson + ".json"), script.append("]").toString());
            List<Segment> segments = turns.stream().map(t -> new Segment(0, 1, t.strip(), null, null)).toList();
            Transcript t = new Transcript("r-" + lesson, String.join("", turns).strip(), "en", "script", null,
                    segments, List.of(), 0, null, 0, 1, Instant.EPOCH);
            Transcript redacted = redactor.redact(t, classList, List.of(teacher)).transcript();
            for (int i = 0; i < turns.size(); i++) {
                String[] before = turns.get(i).strip().split("\\s+");
                String[] after = redacted.segments().get(i).text().replaceAll("Student ([A-Z]+)", "Student_$1")
                        .split("\\s+");
                for (int w = 0; w < before.length; w++) {
                    String word = before[w].replaceAll("[^A-Za-z'-]", "").replaceAll("'s$", "");
                    boolean replaced = after[w].startsWith("Student_");
                    if (namesPerTurn.get(i).contains(word)) {
                        nameOccurrences++;
                        namesReplaced += replaced ? 1 : 0;
                    } else if (word.equals("Jordan") || word.equals("Blake")) {
                        teacherMentions++;
                        teacherKept += replaced ? 0 : 1;
                    } else {
                        otherWords++;
                        otherWordsReplaced += replaced ? 1 : 0;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "lessons %d; student name occurrences %d, replaced %d (recall %.1f%%); other "
                        + "words %d, wrongly replaced %d (%.2f%%); teacher's name kept %d of %d%n", lessons,
                nameOccurrences, namesReplaced, 100.0 * namesReplaced / nameOccurrences, otherWords,
                otherWordsReplaced, 100.0 * otherWordsReplaced / otherWords, teacherKept, teacherMentions);
    }
}
