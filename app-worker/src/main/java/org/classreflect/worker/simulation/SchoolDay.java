package org.classreflect.worker.simulation;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * An afternoon of uploads: {@code lessons} recordings uploaded at uniformly random moments between {@code from} and
 * {@code to}, each uniformly between {@code shortest} and {@code longest} long. The same seed gives the same day.
 */
public record SchoolDay(int lessons, LocalTime from, LocalTime to, Duration shortest, Duration longest, long seed) {

    public static final SchoolDay DEFAULT = new SchoolDay(300, LocalTime.of(15, 0), LocalTime.of(17, 0),
            Duration.ofMinutes(20), Duration.ofMinutes(60), 42);

    public SchoolDay {
        if (lessons < 0) {
            throw new IllegalArgumentException("lessons cannot be negative");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the upload window must end after it starts");
        }
        if (shortest.isNegative() || shortest.compareTo(longest) > 0) {
            throw new IllegalArgumentException("the shortest lesson must be between zero and the longest");
        }
    }

    /** The uploads in the order they arrive, timed from {@code from}. */
    public List<Upload> uploads() {
        Random random = new Random(seed);
        double window = Duration.between(from, to).toSeconds();
        double min = shortest.toSeconds();
        double spread = longest.toSeconds() - min;
        List<Upload> uploads = new ArrayList<>(lessons);
        for (int i = 0; i < lessons; i++) {
            uploads.add(new Upload(random.nextDouble() * window, min + random.nextDouble() * spread));
        }
        uploads.sort(Comparator.comparingDouble(Upload::atSeconds));
        return uploads;
    }
}
