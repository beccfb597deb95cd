package org.classreflect.core.transcript.export;

import java.math.BigDecimal;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.Word;

/** One row per word ({@code start,end,word,confidence}), RFC 4180: a header, CRLF line ends, quoted when needed. */
final class WordTable {

    private static final String EOL = "\r\n";

    private WordTable() {
    }

    static String write(Transcript transcript) {
        StringBuilder out = new StringBuilder("start,end,word,confidence").append(EOL);
        for (Word w : transcript.words()) {
            out.append(Timestamps.seconds(w.start())).append(',')
                    .append(Timestamps.seconds(w.end())).append(',')
                    .append(field(w.text().strip())).append(',')
                    .append(decimal(w.confidence()))
                    .append(EOL);
        }
        return out.toString();
    }

    /** A confidence as plain decimal digits; empty when the engine gave none. */
    static String decimal(Double value) {
        return value == null || !Double.isFinite(value) ? "" : BigDecimal.valueOf(value).toPlainString();
    }

    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
