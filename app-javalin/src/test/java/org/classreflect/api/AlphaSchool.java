package org.classreflect.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** A school "Alpha" with a manager (Mona Manager) and a teacher (Tess Teacher), made over HTTP by the super admin. */
record AlphaSchool(ApiClient admin, ApiClient manager, ApiClient teacher, String schoolId, String managerId,
                   String teacherId) {

    static final String MANAGER_PASSWORD = "manager-kettle-orbit-1";
    static final String TEACHER_PASSWORD = "teacher-kettle-orbit-1";

    static AlphaSchool create(ClassReflectServer server) throws Exception {
        ApiClient admin = new ApiClient(server.port()).login(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        String schoolId = admin.post("/api/schools", Map.of("name", "Alpha")).json().get("id").asText();
        String managerId = admin.post("/api/users", Map.of("email", "m@alpha.test", "displayName", "Mona Manager",
                "role", "school_manager", "schoolId", schoolId, "password", MANAGER_PASSWORD))
                .json().get("id").asText();
        String teacherId = admin.post("/api/users", Map.of("email", "t@alpha.test", "displayName", "Tess Teacher",
                "role", "teacher", "schoolId", schoolId, "password", TEACHER_PASSWORD)).json().get("id").asText();
        return new AlphaSchool(admin, admin.as("m@alpha.test", MANAGER_PASSWORD),
                admin.as("t@alpha.test", TEACHER_PASSWORD), schoolId, managerId, teacherId);
    }

    /** The audio files a local-mode server keeps in its data directory. */
    static long audioFiles(Path dataDir) throws Exception {
        Path audio = dataDir.resolve("audio");
        if (!Files.isDirectory(audio)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(audio)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
