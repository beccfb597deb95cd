package org.classreflect.sdk.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The configuration in force, typed. Bad values fail at start-up with a message naming the setting. */
public final class Settings {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final Map<Setting, String> values;

    private Settings(Map<Setting, String> values) {
        this.values = values;
    }

    /** Environment variables win over system properties; anything unset takes its default. */
    public static Settings fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    public static Settings from(Map<String, String> environment, Map<?, ?> properties) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            String value = environment.get(s.environmentName());
            if (value == null && properties.get(s.propertyName()) != null) {
                value = properties.get(s.propertyName()).toString();
            }
            values.put(s, value == null ? s.defaultValue() : value.trim());
        }
        return new Settings(values);
    }

    /** Settings with some values replaced; for tests and for command-line options. */
    public Settings with(Setting setting, String value) {
        Map<Setting, String> copy = new EnumMap<>(values);
        copy.put(setting, value);
        return new Settings(copy);
    }

    public String text(Setting s) {
        return values.get(s);
    }

    public Optional<String> optional(Setting s) {
        String v = values.get(s);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    public int integer(Setting s) {
        try {
            return Integer.parseInt(values.get(s));
        } catch (NumberFormatException e) {
            throw invalid(s, "a whole number");
        }
    }

    public double decimal(Setting s) {
        try {
            double v = Double.parseDouble(values.get(s));
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(s, "a number such as 0.1664");
    }

    public Duration duration(Setting s) {
        String v = values.get(s);
        Matcher m = SIMPLE_DURATION.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(v);
        } catch (RuntimeException e) {
            throw invalid(s, "a duration such as 30s, 10m, 24h or PT1H");
        }
    }

    public Path dataDir() {
        return Path.of(text(Setting.DATA_DIR)).toAbsolutePath().normalize();
    }

    public Path audioDir() {
        return optional(Setting.AUDIO_DIR).map(Path::of).orElse(dataDir().resolve("audio"));
    }

    public Path whisperModel() {
        return optional(Setting.WHISPER_MODEL).map(Path::of)
                .orElse(dataDir().resolve("models").resolve("ggml-base.en.bin"));
    }

    public Mode mode() {
        try {
            return Mode.valueOf(text(Setting.MODE).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(Setting.MODE, "local or aws");
        }
    }

    /** The value of a setting the current mode cannot do without. */
    public String required(Setting s) {
        return optional(s).orElseThrow(() -> new IllegalArgumentException(s.environmentName() + " must be set in "
                + text(Setting.MODE) + " mode"));
    }

    public long maxUploadBytes() {
        return integer(Setting.MAX_UPLOAD_MB) * 1024L * 1024L;
    }

    private static IllegalArgumentException invalid(Setting s, String expected) {
        return new IllegalArgumentException(s.environmentName() + " must be " + expected);
    }
}
