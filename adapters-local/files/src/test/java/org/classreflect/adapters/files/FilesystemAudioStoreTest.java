package org.classreflect.adapters.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.testfixtures.contracts.AudioStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemAudioStoreTest extends AudioStoreContract {

    @TempDir
    Path root;

    @Override
    protected AudioStore newStore() {
        return new FilesystemAudioStore(root);
    }

    @Test
    void keepsEachKeyInAShardDirectoryNamedByItsFirstTwoCharacters() throws IOException {
        store.put("ab12-cd", new ByteArrayInputStream(new byte[] {1, 2, 3}));

        assertThat(root.resolve("ab").resolve("ab12-cd")).hasBinaryContent(new byte[] {1, 2, 3});
    }

    @Test
    void listsNoLeftoverWriteAndNoFileOutsideItsKeysShard() throws IOException {
        store.put("ab12-cd", new ByteArrayInputStream(new byte[] {1, 2, 3}));
        Files.write(root.resolve("ab").resolve(".incoming-77.part"), new byte[] {1});
        Files.write(root.resolve("ab").resolve("xy-misplaced"), new byte[] {1});
        Files.write(root.resolve("at-the-root"), new byte[] {1});

        try (Stream<AudioStore.StoredAudio> stored = store.stored()) {
            assertThat(stored).extracting(AudioStore.StoredAudio::key).containsExactly("ab12-cd");
        }
    }

    @Test
    void servesItsOwnFileSoThatAudioIsDecodedWhereItLies() throws IOException {
        store.put("ab12-cd", new ByteArrayInputStream(new byte[] {1, 2, 3}));

        assertThat(store.localFile("ab12-cd")).contains(root.resolve("ab").resolve("ab12-cd"));
    }

    @Test
    void aFailedPutLeavesNoTemporaryFileBehind() throws IOException {
        InputStream failing = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ >= 1000) {
                    throw new IOException("connection reset");
                }
                return 7;
            }
        };

        assertThatThrownBy(() -> store.put("partial", failing)).isInstanceOf(IOException.class);

        assertThat(regularFilesUnder(root)).isEmpty();
    }

    private static List<Path> regularFilesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
