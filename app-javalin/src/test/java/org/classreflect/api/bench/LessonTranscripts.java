package org.classreflect.api.bench;

import java.util.List;
import java.util.Random;

/**
 * Transcripts of 45-minute lessons as a speech engine would give them (about 42 KB, 7,000 words, no punctuation
 * beyond sentences): classroom talk around one subject's topics, with pupils' names and a few rare words, so a
 * search finds very common words (in every lesson), topic words (in a subject's lessons) and rare words (in a few
 * dozen lessons per 100,000). Deterministic for a seed; a lesson is assembled from sentence patterns rather than
 * stored, so 100,000 of them cost seconds of CPU, not gigabytes of heap.
 */
final class LessonTranscripts {

    static final int TARGET_CHARS = 42_000;

    record Subject(String name, List<String> topics) {
    }

    static final List<Subject> SUBJECTS = List.of(
            new Subject("Maths", List.of("fractions", "decimals", "percentages", "equations", "algebra", "geometry",
                    "triangles", "angles", "probability", "ratio", "multiplication", "division", "perimeter",
                    "volume", "symmetry", "coordinates", "statistics", "negative numbers", "place value")),
            new Subject("Science", List.of("photosynthesis", "evaporation", "condensation", "electricity",
                    "circuits", "magnets", "forces", "gravity", "friction", "cells", "atoms", "molecules",
                    "the water cycle", "habitats", "digestion", "skeleton", "sound waves", "light", "rocks")),
            new Subject("History", List.of("the Romans", "the Vikings", "the Normans", "the Tudors", "the Victorians",
                    "the Industrial Revolution", "ancient Egypt", "ancient Greece", "the Great Fire", "castles",
                    "the Second World War", "evidence", "chronology", "the Anglo-Saxons", "the Stone Age")),
            new Subject("English", List.of("poetry", "metaphors", "similes", "narrative", "adjectives", "adverbs",
                    "persuasive writing", "paragraphs", "characters", "the setting", "dialogue", "alliteration",
                    "the plot", "spelling patterns", "punctuation", "instructions", "play scripts")),
            new Subject("Geography", List.of("rivers", "volcanoes", "earthquakes", "climate", "mountains",
                    "settlements", "maps", "contour lines", "rainforests", "deserts", "coasts", "erosion",
                    "weather", "continents", "population", "trade", "tourism")),
            new Subject("Computing", List.of("algorithms", "loops", "variables", "debugging", "networks",
                    "spreadsheets", "databases", "binary", "selection", "online safety", "sensors", "Scratch")));

    private static final List<String> OPENERS = List.of("Okay everyone", "Right", "So", "Now then", "Good morning",
            "Alright", "Listen carefully", "Eyes on me please", "Well done", "Let's see");
    /** {o}: an opener, {x}: a topic or a pupil, {n}: a number. */
    private static final List<String> PATTERNS = List.of(
            "{o}, today we are going to look at {x}.",
            "Who can tell me what they remember about {x}?",
            "{o}, can you explain {x} in your own words?",
            "That's a good answer {x}, why do you think that is?",
            "Turn to your partner and talk about {x} for two minutes.",
            "Write down three things you already know about {x}.",
            "Hands up if you found {x} difficult last week.",
            "Let's read the next paragraph together, {x} would you start please?",
            "Excellent thinking {x}, does anyone want to add to that?",
            "Remember the key word is {x}, make sure you use it in your answer.",
            "I can see some of you are not sure, so let's try another example about {x}.",
            "Page {n} in your books please, and look at the diagram at the top.",
            "{o}, what would happen if we changed one thing?",
            "{o}, put your pens down and look at the board.",
            "How do you know that, can you show me the evidence?",
            "We have about {n} minutes left, so let's finish the last question.",
            "Is that always true, or only sometimes?",
            "Thumbs up if you agree with {x}, thumbs down if you don't.",
            "Let's check our understanding before we move on to {x}.",
            "That's the homework for this week, it's on the class page.");
    private static final String[] NAMES = {"Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia", "Arthur",
        "Ivy", "Leo", "Freya", "Oscar", "Lily", "Harry", "Grace", "Muhammad", "Sophia", "Jack", "Rosie", "Theo",
        "Aisha", "Finley", "Zara", "Jacob", "Evie", "Charlie", "Poppy", "Alfie", "Maya", "Henry"};
    /** Made-up words, each in about one lesson in 2,500: what a search for something rare finds. */
    private static final int RARE_WORDS = 2_500;

    private LessonTranscripts() {
    }

    static String rareWord(int n) {
        String[] syllables = {"ka", "lo", "mi", "ter", "vus", "pra", "nel", "dor", "qui", "zan"};
        StringBuilder word = new StringBuilder();
        int x = n + 1_000;
        while (x > 0) {
            word.append(syllables[x % 10]);
            x /= 10;
        }
        return word.toString();
    }

    static String of(Subject subject, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(TARGET_CHARS + 200);
        String rare = rareWord(random.nextInt(RARE_WORDS));
        while (text.length() < TARGET_CHARS) {
            String filler = random.nextInt(3) == 0 ? NAMES[random.nextInt(NAMES.length)]
                    : subject.topics().get(random.nextInt(subject.topics().size()));
            String sentence = PATTERNS.get(random.nextInt(PATTERNS.size()))
                    .replace("{o}", OPENERS.get(random.nextInt(OPENERS.size())))
                    .replace("{x}", filler)
                    .replace("{n}", Integer.toString(random.nextInt(60) + 5));
            text.append(sentence).append(' ');
            if (random.nextInt(400) == 0) {
                text.append("The word ").append(rare).append(" came up in the reading. ");
            }
        }
        return text.toString().trim();
    }
}
