package org.classreflect.core.rubric;

/**
 * Port: reads one JSON text into plain Java values: {@code Map<String, Object>} for objects (in document order),
 * {@code List<Object>} for arrays, {@code String}, {@code Boolean}, {@code null}, and numbers as {@code Integer},
 * {@code Long} or {@code BigInteger} when written without fraction or exponent, {@code BigDecimal} otherwise.
 * Anything but exactly one JSON value (trailing text, duplicate keys, comments) is refused.
 */
public interface JsonReader {

    Object read(String text) throws InvalidJsonException;
}
