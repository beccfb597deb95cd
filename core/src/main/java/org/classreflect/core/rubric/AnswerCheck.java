package org.classreflect.core.rubric;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.classreflect.core.common.JsonStrings;

/**
 * Checks a model's answer against the schema the prompt gave and against the transcript, and names every problem
 * in words the model is shown when it is asked again.
 */
final class AnswerCheck {

    /** The answer's content when {@code problems} is empty; the criteria in the order of the request. */
    record Outcome(List<String> problems, List<CriterionFeedback> criteria, List<String> strengths,
                   List<String> improvements) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    private static final Set<String> ANSWER_FIELDS = Set.of("criteria", "strengths", "improvements");
    private static final Set<String> CRITERION_FIELDS = Set.of("name", "score", "feedback", "evidence", "next_step");
    private static final Set<String> EVIDENCE_FIELDS = Set.of("quote", "at");
    private static final int QUOTE_SHOWN = 120;

    private final RubricRequest request;
    private final JsonReader json;
    private final QuoteLocator quotes;
    private final double toleranceSeconds;

    AnswerCheck(RubricRequest request, JsonReader json, double toleranceSeconds) {
        this.request = request;
        this.json = json;
        this.quotes = new QuoteLocator(request.excerpts());
        this.toleranceSeconds = toleranceSeconds;
    }

    Outcome check(String answer) {
        List<String> problems = new ArrayList<>();
        Object tree;
        try {
            tree = json.read(withoutCodeFence(answer));
        } catch (InvalidJsonException e) {
            return rejected(List.of("the answer is not valid JSON: " + e.getMessage()));
        }
        if (!(tree instanceof Map<?, ?> root)) {
            return rejected(List.of("the answer must be one JSON object"));
        }
        unexpectedFields(root, ANSWER_FIELDS, "the answer", problems);

        Map<String, CriterionFeedback> judged = new HashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (root.get("criteria") instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                String where = "criteria[" + i + "]";
                if (!(items.get(i) instanceof Map<?, ?> item)) {
                    problems.add(where + " must be an object");
                    continue;
                }
                if (item.get("name") instanceof String name) {
                    counts.merge(name, 1, Integer::sum);
                    criterion(item, name, problems).ifPresent(f -> judged.put(name, f));
                } else {
                    problems.add(where + ": name must be one of the criteria's names, as a string");
                }
            }
        } else {
            problems.add(problem("the answer", root, "criteria", "an array of objects, one per criterion"));
        }
        for (RubricCriterion c : request.criteria()) {
            int n = counts.getOrDefault(c.name(), 0);
            if (n == 0) {
                problems.add("criterion " + JsonStrings.quote(c.name()) + " is missing");
            } else if (n > 1) {
                problems.add("criterion " + JsonStrings.quote(c.name()) + " appears " + n + " times; judge it once");
            }
        }
        Set<String> known = new HashSet<>();
        request.criteria().forEach(c -> known.add(c.name()));
        for (String name : counts.keySet()) {
            if (!known.contains(name)) {
                problems.add("unknown criterion " + JsonStrings.quote(name) + ": judge only the listed criteria");
            }
        }
        List<String> strengths = texts(root, "strengths", problems);
        List<String> improvements = texts(root, "improvements", problems);
        if (!problems.isEmpty()) {
            return rejected(problems);
        }
        List<CriterionFeedback> ordered = request.criteria().stream().map(c -> judged.get(c.name())).toList();
        return new Outcome(List.of(), ordered, strengths, improvements);
    }

    private Optional<CriterionFeedback> criterion(Map<?, ?> item, String name, List<String> problems) {
        String where = "criterion " + JsonStrings.quote(name);
        int before = problems.size();
        unexpectedFields(item, CRITERION_FIELDS, where, problems);
        Integer score = score(item, where, problems);
        String feedback = text(item, "feedback", where, problems);
        List<Evidence> evidence = evidence(item, where, problems);
        String nextStep = null;
        if (item.get("next_step") instanceof List<?>) {
            problems.add(where + ": give exactly one next step, as one string, not a list");
        } else {
            nextStep = text(item, "next_step", where, problems);
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new CriterionFeedback(name, score, feedback, evidence, nextStep));
    }

    private static Integer score(Map<?, ?> item, String where, List<String> problems) {
        Object value = item.get("score");
        boolean whole = value instanceof Integer || value instanceof Long
                || value instanceof BigInteger big && big.bitLength() < 32;
        if (whole && ((Number) value).longValue() >= 0 && ((Number) value).longValue() <= 100) {
            return ((Number) value).intValue();
        }
        problems.add(problem(where, item, "score", "a whole number from 0 to 100"));
        return null;
    }

    private List<Evidence> evidence(Map<?, ?> criterion, String where, List<String> problems) {
        if (!(criterion.get("evidence") instanceof List<?> items)) {
            problems.add(problem(where, criterion, "evidence", "an array of {\"quote\", \"at\"} objects"));
            return List.of();
        }
        List<Evidence> evidence = new ArrayList<>();
        for (Object o : items) {
            if (!(o instanceof Map<?, ?> item)) {
                problems.add(where + ": each evidence item must be an object with \"quote\" and \"at\"");
                continue;
            }
            unexpectedFields(item, EVIDENCE_FIELDS, where + " evidence", problems);
            String quote = text(item, "quote", where + " evidence", problems);
            OptionalDouble at = item.get("at") instanceof String s ? Timecodes.parse(s) : OptionalDouble.empty();
            if (at.isEmpty()) {
                problems.add(problem(where + " evidence", item, "at", "a time written hh:mm:ss"));
            }
            if (quote != null && at.isPresent()) {
                located(quote, at.getAsDouble(), where, problems).ifPresent(evidence::add);
            }
        }
        return evidence;
    }

    private Optional<Evidence> located(String quote, double at, String where, List<String> problems) {
        List<QuoteLocator.Span> spans = quotes.find(quote);
        String shownQuote = JsonStrings.quote(quote.length() > QUOTE_SHOWN ? quote.substring(0, QUOTE_SHOWN) + "..." : quote);
        if (spans.isEmpty()) {
            problems.add(where + ": the quote " + shownQuote + " is not in the transcript; quote word for word");
            return Optional.empty();
        }
        for (QuoteLocator.Span span : spans) {
            if (at >= span.start() - toleranceSeconds && at <= span.end() + toleranceSeconds) {
                return Optional.of(new Evidence(quote, at));
            }
        }
        QuoteLocator.Span first = spans.get(0);
        problems.add(where + ": the quote " + shownQuote + " was said at " + Timecodes.format(first.start()) + "-"
                + Timecodes.format(first.end()) + ", not at " + Timecodes.format(at));
        return Optional.empty();
    }

    private static String text(Map<?, ?> item, String field, String where, List<String> problems) {
        if (item.get(field) instanceof String s && !s.isBlank()) {
            return s.strip();
        }
        problems.add(problem(where, item, field, "a non-empty string"));
        return null;
    }

    private static List<String> texts(Map<?, ?> root, String field, List<String> problems) {
        List<String> out = new ArrayList<>();
        if (!(root.get(field) instanceof List<?> items)) {
            problems.add(problem("the answer", root, field, "an array of strings"));
            return out;
        }
        for (Object o : items) {
            if (o instanceof String s && !s.isBlank()) {
                out.add(s.strip());
            } else {
                problems.add(field + " must hold only non-empty strings, not " + shown(o));
            }
        }
        return out;
    }

    private static String problem(String where, Map<?, ?> object, String field, String expected) {
        if (!object.containsKey(field)) {
            return where + ": missing field " + JsonStrings.quote(field);
        }
        return where + ": " + field + " must be " + expected + ", not " + shown(object.get(field));
    }

    private static void unexpectedFields(Map<?, ?> object, Set<String> expected, String where, List<String> problems) {
        for (Object key : object.keySet()) {
            if (!expected.contains(key)) {
                problems.add(where + ": unexpected field " + JsonStrings.quote(String.valueOf(key)));
            }
        }
    }

    private static String shown(Object value) {
        if (value instanceof String s) {
            return JsonStrings.quote(s);
        }
        if (value instanceof Map || value instanceof List) {
            return value instanceof Map ? "an object" : "an array";
        }
        return String.valueOf(value);
    }

    /** Some models wrap JSON in a Markdown code fence however they are asked; that wrapper alone is forgiven. */
    private static String withoutCodeFence(String answer) {
        String s = answer.strip();
        if (s.startsWith("```") && s.endsWith("```") && s.length() >= 6) {
            int firstLineEnd = s.indexOf('\n');
            if (firstLineEnd > 0) {
                return s.substring(firstLineEnd + 1, s.length() - 3);
            }
        }
        return s;
    }

    private static Outcome rejected(List<String> problems) {
        return new Outcome(List.copyOf(problems), List.of(), List.of(), List.of());
    }
}
