package org.classreflect.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionDetectorTest {

    private final QuestionDetector detector = new QuestionDetector();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Where does the water in a puddle go on a sunny afternoon?|OPEN",
            "Can anyone tell me what happens to the vapour?|OPEN",
            "Is condensation the same as evaporation?|CLOSED",
            "Right. Now, why do you think clouds turn grey?|OPEN",
            "How would you explain the water cycle?|OPEN",
            "Do you understand the four stages so far?|CLOSED",
            "How many legs does a spider have?|CLOSED",
            "Who wrote this poem?|CLOSED",
            "What's the difference between them?|OPEN",
            "It's raining outside, isn't it?|CLOSED",
            "Could you describe the experiment?|OPEN",
            "The answer is seven?|CLOSED",
    })
    void findsQuestionsAndTheirKindWithPunctuation(String text, QuestionKind kind) {
        assertThat(detector.detect(text)).hasValueSatisfying(q -> assertThat(q.kind()).isEqualTo(kind));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Where does the water in a puddle go on a sunny afternoon?|OPEN",
            "Let's start with something you already know. Where does the water go?|OPEN",
            "Can anyone tell me what happens to the vapour?|OPEN",
            "Is condensation the same as evaporation?|CLOSED",
            "Right. Now, why do you think clouds turn grey?|OPEN",
            "Do you understand the four stages so far?|CLOSED",
            "It's raining outside, isn't it?|CLOSED",
            "Okay so which one is bigger?|CLOSED",
            "Did the pharaoh collect more tax in a good year?|CLOSED",
            "Does the height of the water tell us how good the harvest will be?|CLOSED",
            "Do the leaves of a plant kept in a dark cupboard stay green?|CLOSED",
            "Three tenths is shaded. Now, is two fifths equal to four tenths?|CLOSED",
            "They push up mountains like the Himalayas. Does the ground shake when the plates move?|CLOSED",
            "If I eat one slice, what fraction of the pizza have I eaten?|OPEN",
            "We call those words onomatopoeia. What mood do you think the poet is trying to create?|OPEN",
            "Group one, would you like to start?|CLOSED",
            "What is seven times eight?|CLOSED",
            "Any questions before we start?|CLOSED",
            // classroom ways of asking (AskingCues), each with its near-miss in leavesStatementsAlone
            "those bubbles are not air are they|CLOSED",
            "so ninety nine would be four twenties and nineteen right|CLOSED",
            "the soldiers came from all over the empire anyone|CLOSED",
            "so the same water can be a solid a liquid and a gas depending on what|CLOSED",
            "the wall went all the way across the north tell me why the romans built it|OPEN",
            "explain to your partner what is happening on the lid|OPEN",
            "it had forts every few miles any ideas why they needed so many|OPEN",
            "the temperature stays at zero any questions before we start|CLOSED",
            "he keeps the key i'd like to know why you think he hides it|OPEN",
            "good thinking who wants to read the next paragraph|CLOSED",
            "a disease kills the small fish one summer what happens to the tadpoles then|OPEN",
            "ooh good prediction what about the letter he found with it|OPEN",
            "the area stays the same how come the perimeter keeps growing|OPEN",
    })
    void findsTheSameQuestionsWithoutPunctuation(String text, QuestionKind kind) {
        String bare = text.replaceAll("[.,?!]", "").toLowerCase(Locale.ROOT);
        assertThat(detector.detect(bare)).hasValueSatisfying(q -> assertThat(q.kind()).isEqualTo(kind));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Yes, well done. When the vapour cools it turns back into tiny droplets.",
            "yes well done when the vapour cools it turns back into tiny droplets",
            "What a great explanation.",
            "What we saw today was evaporation.",
            "Do your homework tonight.",
            "Good morning everyone. Today we will explain how water moves around our planet.",
            "good morning everyone today we will explain how water moves around our planet",
            "No.",
            "I would say the sun lifts the water up.",
            "Have a look at the picture on your sheet.",
            "Do the exercises on page four.",
            "listen for whether the second group does the same thing",
            "the children do their homework after school",
            "they do the work and we check it",
            "i know what you did",
            "this is what happens when the water boils",
            "were using increase to sound where's and women are eager",
            "what are you really want to do ya going to learn about the wilder cycle and you got loose and you're sure",
            // near-misses of the classroom ways of asking, in the order of their positives above
            "the bubbles are not air they are steam",
            "the bubbles are not air that's right",
            "it is a secret so please do not tell anyone",
            "this is the liquid we started from and that is what",
            "tell you what let's draw a third one that is twelve by two",
            "let me explain what is happening on the lid",
            "i don't have any ideas for the title yet",
            "we have no questions left on the sheet",
            "he would like to know why the door is locked",
            "the girl who sits next to you is in my class",
            "now watch what happens to the car on the carpet",
            "i wonder if you noticed the boulders at the foot of the cliff",
            "how we do this is with a forcemeter",
            "why the french count in twenties is a long story",
            "what you need to do now is make a food chain of your own",
            "what we did yesterday was only squares",
    })
    void leavesStatementsAlone(String text) {
        assertThat(detector.detect(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Is it hot? Why?|OPEN|Is it hot? Why?",
            "Great answer. Is it hot?|CLOSED|Is it hot?",
    })
    void reportsOnlyTheQuestionSentencesAndIsOpenWhenAnyIs(String text, QuestionKind kind, String question) {
        DetectedQuestion q = detector.detect(text).orElseThrow();
        assertThat(q.kind()).isEqualTo(kind);
        assertThat(q.text()).isEqualTo(question);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "exactly one quarter now is one half bigger than one quarter|is one half bigger than one quarter",
            "like the himalayas does the ground shake|does the ground shake",
    })
    void reportsAQuestionFoundInsideAnUnpunctuatedUtteranceFromWhereItStarts(String text, String question) {
        assertThat(detector.detect(text).orElseThrow().text()).isEqualTo(question);
    }

    @Test
    void aRisingPitchAtTheEndMarksAnUnpunctuatedUtteranceWithNoQuestionWords() {
        assertThat(detector.detect(said("you added them together"), 2.5)).hasValueSatisfying(
                q -> assertThat(q.kind()).isEqualTo(QuestionKind.CLOSED));
        assertThat(detector.detect(said("you added them together"), 1.5)).as("a small rise").isEmpty();
        assertThat(detector.detect(said("added them"), 3.0)).as("too few words").isEmpty();
        assertThat(detector.detect(said("you added them together"), 9.0)).as("a steep rise").isPresent();
        assertThat(detector.detect(said("you added them together"), 12.0)).as("an octave jump is a tracking error").isEmpty();
        assertThat(detector.detect(said("you added them together"), Double.NaN)).as("no pitch heard").isEmpty();
        assertThat(detector.detect(said("You added them together."), 2.5)).as("punctuation says it is a statement").isEmpty();
    }

    @Test
    void declinesAQuestionWhoseDecidingWordsTheEngineWasUnsureOf() {
        QuestionDetector wary = new QuestionDetector(0.5, QuestionDetector.RISE_SEMITONES);

        assertThat(wary.detect(heard("will we fully on the rocks", 0.3, 0.4, 0.9, 0.9, 0.9, 0.9), Double.NaN))
                .as("'will we' misheard").isEmpty();
        assertThat(wary.detect(heard("will we see the rocks", 0.9, 0.8, 0.2, 0.2, 0.2), Double.NaN))
                .as("only the words after the cue unsure").isPresent();
        assertThat(wary.detect(heard("will we see the rocks", 0.3, 0.8, 0.9, 0.9, 0.9), Double.NaN))
                .as("the cue and its next word are judged together: mean 0.55").isPresent();
        assertThat(new QuestionDetector(0.0, QuestionDetector.RISE_SEMITONES).detect(heard("will we fully on the rocks", 0.1, 0.1, 0.9, 0.9, 0.9,
                0.9), Double.NaN)).as("a threshold of zero trusts every word").isPresent();
        assertThat(wary.detect(said("will we see the rocks"), Double.NaN))
                .as("no confidences given: nothing to doubt").isPresent();
    }

    @Test
    void aRisingVoiceKeepsAQuestionWhoseWordsWereUnsure() {
        QuestionDetector wary = new QuestionDetector(0.5, 2.0);
        Utterance unsure = heard("will we see the rocks", 0.3, 0.4, 0.9, 0.9, 0.9);

        assertThat(wary.detect(unsure, 2.5)).isPresent();
        assertThat(wary.detect(unsure, 1.5)).as("too small a rise").isEmpty();
        assertThat(wary.detect(unsure, 12.0)).as("an octave jump is a tracking error").isEmpty();
    }

    @Test
    void aRiseAtTheEndOfWordsHeardAlmostBlindIsNoQuestion() {
        QuestionDetector wary = new QuestionDetector(0.5, 2.0);

        assertThat(wary.detect(heard("easy on her looks recap i", 0.02, 0.03, 0.02, 0.19, 0.0, 0.08), 2.5))
                .as("garbled words, mean confidence 0.06").isEmpty();
        assertThat(wary.detect(heard("you added them together", 0.2, 0.3, 0.3, 0.4), 2.5))
                .as("unsure but heard, mean 0.3").isPresent();
        assertThat(wary.detect(heard("will we see the rocks", 0.1, 0.1, 0.2, 0.2, 0.1), 2.5))
                .as("the rise no longer rescues unsure question words").isEmpty();
    }

    @Test
    void aQuestionInsideTheUtteranceIsJudgedByItsOwnWords() {
        QuestionDetector wary = new QuestionDetector(0.5, QuestionDetector.RISE_SEMITONES);
        String text = "like the himalayas does the ground shake";

        assertThat(wary.detect(heard(text, 0.9, 0.9, 0.9, 0.2, 0.3, 0.9, 0.9), Double.NaN)).isEmpty();
        assertThat(wary.detect(heard(text, 0.2, 0.2, 0.2, 0.9, 0.8, 0.9, 0.9), Double.NaN))
                .hasValueSatisfying(q -> assertThat(q.text()).isEqualTo("does the ground shake"));
    }

    @Test
    void anUnsureOpeningLeavesTheSearchForALaterQuestionOpen() {
        String text = "what will you go on good now is it bigger than a half";
        double[] confidences = {0.2, 0.3, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9};

        assertThat(new QuestionDetector(0.5, QuestionDetector.RISE_SEMITONES).detect(heard(text, confidences), Double.NaN))
                .hasValueSatisfying(q -> assertThat(q.text()).isEqualTo("is it bigger than a half"));
    }

    @Test
    void confidencesFollowTheWordsAcrossSentencesAndLeadingMarkers() {
        QuestionDetector wary = new QuestionDetector(0.5, QuestionDetector.RISE_SEMITONES);
        Utterance sure = heard("Well done. So, is it hot? Yes.", 0.1, 0.1, 0.1, 0.9, 0.9, 0.9, 0.1);
        Utterance unsure = heard("Well done. So, is it hot? Yes.", 0.9, 0.9, 0.9, 0.1, 0.1, 0.9, 0.9);

        assertThat(wary.detect(sure, Double.NaN)).hasValueSatisfying(q -> assertThat(q.text()).isEqualTo(
                "So, is it hot?"));
        assertThat(wary.detect(unsure, Double.NaN)).as("the '?' alone still marks it")
                .hasValueSatisfying(q -> assertThat(q.kind()).isEqualTo(QuestionKind.CLOSED));
        assertThat(wary.detect(heard("it is hot isn't it", 0.9, 0.9, 0.9, 0.2, 0.2), Double.NaN))
                .as("an unsure tag").isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"what,true", "what's,true", "does,true", "wouldn't,true", "were,true", "the,false", "that's,false",
            "fish,false"})
    void knowsTheWordsThatCanMarkAQuestion(String word, boolean marks) {
        assertThat(QuestionDetector.isQuestionWord(word)).isEqualTo(marks);
    }

    private static Utterance said(String text) {
        return new Utterance(0, 0, text);
    }

    private static Utterance heard(String text, double... confidences) {
        return new Utterance(0, 0, text, Arrays.stream(confidences).boxed().toList());
    }
}
