package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's run command starts with --demo: its accounts pass the password policy and can sign in. */
class DemoDataTest {

    @TempDir
    Path dataDir;

    @Test
    void theReadmeGivesTheDemoPassword() throws Exception {
        String readme = java.nio.file.Files.readString(Path.of(System.getProperty("classreflect.root", "../.."),
                "README.md"));
        assertThat(readme).contains("(password `" + DemoData.PASSWORD + "`)");
    }

    @Test
    void theDemoSchoolStartsAndItsAccountsSignInWithTheDocumentedPassword() throws Exception {
        try (ClassReflectServer server = ClassReflectServer.start(TestServers.settings(dataDir),
                new FakeTranscriber(), true)) {
            for (String email : new String[] {"manager@demo.school", "teacher@demo.school"}) {
                ApiClient.Response login = new ApiClient(server.port()).post("/api/auth/login",
                        java.util.Map.of("email", email, "password", DemoData.PASSWORD));
                assertThat(login.status()).as(email).isEqualTo(200);
            }
        }
        try (ClassReflectServer again = ClassReflectServer.start(TestServers.settings(dataDir),
                new FakeTranscriber(), true)) { // a second start finds the demo school and keeps it
            assertThat(again.port()).isPositive();
        }
    }
}
