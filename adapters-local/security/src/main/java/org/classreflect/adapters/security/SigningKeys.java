package org.classreflect.adapters.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import org.classreflect.core.common.OwnerOnly;
import java.security.SecureRandom;
import java.util.Base64;

/** Where the token signing key comes from: configuration, or in local mode a generated key kept in the data directory. */
public final class SigningKeys {

    public static final int MIN_BYTES = 32;
    static final String KEY_FILE = "token-signing.key";

    private SigningKeys() {
    }

    /** A key given in configuration as base64 (at least 32 bytes once decoded). */
    public static byte[] fromBase64(String configured) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the token signing key is not valid base64", e);
        }
        return requireStrong(key);
    }

    /**
     * The key kept in {@code dataDir}, generated with {@link SecureRandom} on first use and reused on every later
     * start, so tokens stay valid across restarts. The file is readable by its owner only where the filesystem
     * supports POSIX permissions.
     */
    public static byte[] loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            create(dataDir, file);
        }
        return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
    }

    private static void create(Path dataDir, Path file) throws IOException {
        OwnerOnly.directories(dataDir);
        byte[] key = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(key);
        Path temp = Files.createTempFile(dataDir, "." + KEY_FILE, ".tmp", ownerOnly(dataDir));
        try {
            Files.writeString(temp, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            Files.move(temp, file);
        } catch (FileAlreadyExistsException raced) {
            // another process made the key meanwhile: its key wins, so both use the same one
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) throws IOException {
        if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    private static byte[] requireStrong(byte[] key) {
        if (key.length < MIN_BYTES) {
            throw new IllegalArgumentException("the token signing key has " + key.length
                    + " bytes; at least " + MIN_BYTES + " are needed");
        }
        return key;
    }
}
