package org.classreflect.core.inmemory;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The order of the SQL stores' utf8mb4_bin columns: by Unicode code point. {@link String#compareTo} compares UTF-16
 * units instead, which puts characters beyond U+FFFF before U+E000..U+FFFF.
 */
final class BinaryCollation {

    static final Comparator<String> ORDER = (a, b) -> Arrays.compare(a.codePoints().toArray(),
            b.codePoints().toArray());

    private BinaryCollation() {
    }
}
