package org.classreflect.core.rubric;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A failure worth trying again: a timeout, a lost connection, 429 or 5xx. Adapters retry these themselves and throw
 * the last one when their tries run out. {@link #retryAfter()} is the wait the server asked for, if it said.
 */
public final class TransientChatModelException extends ChatModelException {

    private final transient Duration retryAfter;

    public TransientChatModelException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public TransientChatModelException(String message, Throwable cause) {
        super(message, cause);
        this.retryAfter = null;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Reads an HTTP {@code Retry-After} value: delay seconds or an HTTP date. Absent or unreadable gives null;
     * a date in the past gives zero.
     */
    public static Duration parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            return v.length() > 9 ? null : Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
