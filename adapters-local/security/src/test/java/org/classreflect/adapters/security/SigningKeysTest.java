package org.classreflect.adapters.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void aConfiguredBase64KeyIsUsedAsItIs() {
        byte[] key = new byte[48];
        key[5] = 9;

        assertThat(SigningKeys.fromBase64(" " + Base64.getEncoder().encodeToString(key) + "\n")).isEqualTo(key);
    }

    @Test
    void aConfiguredKeyShorterThan32BytesIsRefused() {
        String short31 = Base64.getEncoder().encodeToString(new byte[31]);

        assertThatThrownBy(() -> SigningKeys.fromBase64(short31))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("31 bytes");
        assertThatThrownBy(() -> SigningKeys.fromBase64("not base64!"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inLocalModeAKeyIsGeneratedOnceKeptOwnerOnlyAndReusedOnTheNextStart() throws Exception {
        Path data = dataDir.resolve("data");

        byte[] first = SigningKeys.loadOrCreate(data);
        byte[] second = SigningKeys.loadOrCreate(data);

        Path file = data.resolve(SigningKeys.KEY_FILE);
        assertThat(first).hasSize(32).isEqualTo(second).isNotEqualTo(new byte[32]);
        assertThat(Base64.getDecoder().decode(Files.readString(file))).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(data)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void differentDataDirectoriesGetDifferentKeys() throws Exception {
        assertThat(SigningKeys.loadOrCreate(dataDir.resolve("a")))
                .isNotEqualTo(SigningKeys.loadOrCreate(dataDir.resolve("b")));
    }

    @Test
    void aKeptKeyThatIsTooShortIsRefusedRatherThanReplaced() throws Exception {
        Files.writeString(dataDir.resolve(SigningKeys.KEY_FILE), Base64.getEncoder().encodeToString(new byte[16]));

        assertThatThrownBy(() -> SigningKeys.loadOrCreate(dataDir)).isInstanceOf(IllegalArgumentException.class);
    }
}
