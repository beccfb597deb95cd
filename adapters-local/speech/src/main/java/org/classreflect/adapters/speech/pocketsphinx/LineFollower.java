package org.classreflect.adapters.speech.pocketsphinx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Reads the lines a running program has written to a file so far, keeping a partly written last line for later. */
final class LineFollower {

    private final InputStream in;
    private final Consumer<String> lines;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final byte[] buffer = new byte[8192];

    LineFollower(InputStream in, Consumer<String> lines) {
        this.in = in;
        this.lines = lines;
    }

    void readAvailable() throws IOException {
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    emit();
                } else {
                    partial.write(buffer[i]);
                }
            }
        }
    }

    /** The program has ended: what is left is a last line without a newline. */
    void finish() {
        if (partial.size() > 0) {
            emit();
        }
    }

    private void emit() {
        lines.accept(partial.toString(StandardCharsets.UTF_8));
        partial.reset();
    }
}
