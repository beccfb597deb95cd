package org.classreflect.adapters.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.Configuration;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;
import org.classreflect.core.school.PasswordPolicy;

/**
 * The password policy of nbvcxz (a Java port of zxcvbn): it estimates how many guesses a password takes, knowing
 * common passwords, English words, names, keyboard walks, repeats, sequences, dates and l33t spelling, and here also
 * the person's own email and name, which it refuses outright. A password must reach {@link #MIN_ENTROPY} bits.
 * The dictionaries ship inside the library's jar; they are read once per process, on first use (a few seconds).
 */
public final class NbvcxzPasswordPolicy implements PasswordPolicy {

    /** nbvcxz's default: about 3.4e10 guesses. */
    public static final double MIN_ENTROPY = 35;

    private static volatile List<Dictionary> defaults;

    @Override
    public Optional<String> problem(String password, List<String> personalWords) {
        Result result = estimator(personalWords).estimate(password);
        if (result.isMinimumEntropyMet()) {
            return Optional.empty();
        }
        String warning = result.getFeedback().getWarning();
        String why = warning != null ? warning
                : "This password would be too easy to guess.";
        List<String> suggestions = result.getFeedback().getSuggestion();
        String hint = suggestions == null || suggestions.isEmpty() ? "" : " " + String.join(" ", suggestions);
        if (why.contains("not allowed") || hint.contains("exclusion list")) {
            // nbvcxz's own words speak of its "exclusion list": here that is the person's own name and email
            why = "The password must not be made of your own name or email.";
            hint = " Add unrelated words or digits.";
        }
        return Optional.of("password is too weak: " + why + hint);
    }

    private static Nbvcxz estimator(List<String> personalWords) {
        List<Dictionary> dictionaries = new ArrayList<>(defaultDictionaries());
        List<String> words = personalWords.stream().filter(w -> w != null && !w.isBlank()).toList();
        if (!words.isEmpty()) {
            DictionaryBuilder own = new DictionaryBuilder().setDictionaryName("exclusion").setExclusion(true);
            words.forEach(w -> own.addWord(w, 0));
            dictionaries.add(own.createDictionary());
        }
        Configuration configuration = new ConfigurationBuilder().setDictionaries(dictionaries)
                .setMinimumEntropy(MIN_ENTROPY).createConfiguration();
        return new Nbvcxz(configuration);
    }

    private static List<Dictionary> defaultDictionaries() {
        List<Dictionary> loaded = defaults;
        if (loaded == null) {
            loaded = List.copyOf(ConfigurationBuilder.getDefaultDictionaries());
            defaults = loaded;
        }
        return loaded;
    }
}
