package org.classreflect.core.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.InMemoryCore;
import org.classreflect.core.inmemory.InMemoryStores;
import org.junit.jupiter.api.Test;

/** The host's identity sync: {@link UpsertSchool}, {@link UpsertUser} and {@link ActAsHostUser}, over in-memory stores. */
class HostIdentityTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-01T08:00:00Z"), ZoneOffset.UTC);

    private final InMemoryStores stores = new InMemoryStores(CLOCK);
    private final UpsertSchool upsertSchool = new UpsertSchool(stores.schools(), CLOCK);
    private final UpsertUser upsertUser = new UpsertUser(stores.users(), stores.schools(), CLOCK);
    private final ActAsHostUser actAs = new ActAsHostUser(stores.users());

    @Test
    void createsASchoolOnceAndRenamesItLater() {
        School created = upsertSchool.execute(new UpsertSchool.Command("host-oak", " Oak Primary ")).orElseThrow();
        School again = upsertSchool.execute(new UpsertSchool.Command("host-oak", "Oak Primary")).orElseThrow();
        School renamed = upsertSchool.execute(new UpsertSchool.Command("host-oak", "Oak Academy")).orElseThrow();

        assertThat(created.name()).isEqualTo("Oak Primary");
        assertThat(created.externalId()).isEqualTo("host-oak");
        assertThat(again).isEqualTo(created);
        assertThat(renamed.id()).isEqualTo(created.id());
        assertThat(renamed.name()).isEqualTo("Oak Academy");
        assertThat(stores.schools().list()).containsExactly(renamed);
    }

    @Test
    void refusesBadSchoolInputAndATakenName() {
        upsertSchool.execute(new UpsertSchool.Command("host-oak", "Oak Primary")).orElseThrow();

        assertThat(reason(upsertSchool.execute(new UpsertSchool.Command(" ", "Elm")))).isEqualTo(invalid());
        assertThat(reason(upsertSchool.execute(new UpsertSchool.Command(null, "Elm")))).isEqualTo(invalid());
        assertThat(reason(upsertSchool.execute(new UpsertSchool.Command("x".repeat(201), "Elm"))))
                .isEqualTo(invalid());
        assertThat(reason(upsertSchool.execute(new UpsertSchool.Command("host-elm", "")))).isEqualTo(invalid());
        assertThat(reason(upsertSchool.execute(new UpsertSchool.Command("host-elm", "Oak Primary"))))
                .isEqualTo(Rejection.Reason.CONFLICT);
        assertThat(stores.schools().list()).hasSize(1);
    }

    @Test
    void createsAUserWithoutAPasswordOnceAndUpdatesThemLater() {
        School oak = upsertSchool.execute(new UpsertSchool.Command("host-oak", "Oak Primary")).orElseThrow();

        User created = upsertUser.execute(new UpsertUser.Command("host-oak", "host-ada", "Ada@Oak.example",
                "Ada", Role.TEACHER)).orElseThrow();
        User again = upsertUser.execute(new UpsertUser.Command("host-oak", "host-ada", "ada@oak.example",
                "Ada", Role.TEACHER)).orElseThrow();
        User changed = upsertUser.execute(new UpsertUser.Command("host-oak", "host-ada", "lovelace@oak.example",
                "Ada Lovelace", Role.SCHOOL_MANAGER, false)).orElseThrow();

        assertThat(created.schoolId()).isEqualTo(oak.id());
        assertThat(created.email()).isEqualTo("ada@oak.example");
        assertThat(created.hasPassword()).isFalse();
        assertThat(created.mustChangePassword()).isFalse();
        assertThat(again).isEqualTo(created);
        assertThat(changed.id()).isEqualTo(created.id());
        assertThat(changed).extracting(User::email, User::displayName, User::role, User::active)
                .containsExactly("lovelace@oak.example", "Ada Lovelace", Role.SCHOOL_MANAGER, false);
        assertThat(stores.users().findByExternalId("host-ada")).hasValue(changed);
        assertThat(stores.users().list(null)).hasSize(1);
    }

    @Test
    void refusesBadUserInputAnUnknownSchoolATakenEmailAndAMoveOfSchool() {
        upsertSchool.execute(new UpsertSchool.Command("host-oak", "Oak Primary")).orElseThrow();
        upsertSchool.execute(new UpsertSchool.Command("host-elm", "Elm Primary")).orElseThrow();
        upsertUser.execute(new UpsertUser.Command("host-oak", "host-ada", "ada@oak.example", "Ada", Role.TEACHER))
                .orElseThrow();

        assertThat(reason(upsertUser.execute(new UpsertUser.Command("host-oak", "", "b@oak.example", "B",
                Role.TEACHER)))).isEqualTo(invalid());
        assertThat(reason(upsertUser.execute(new UpsertUser.Command("host-oak", "host-b", "not-an-email", "B",
                Role.TEACHER)))).isEqualTo(invalid());
        assertThat(reason(upsertUser.execute(new UpsertUser.Command("host-oak", "host-b", "b@oak.example", " ",
                Role.TEACHER)))).isEqualTo(invalid());
        assertThat(reason(upsertUser.execute(new UpsertUser.Command("host-oak", "host-b", "b@oak.example", "B",
                null)))).isEqualTo(invalid());
        assertThat(reason(upsertUser.execute(new UpsertUser.Command("host-oak", "host-b", "b@oak.example", "B",
                Role.SUPER_ADMIN)))).isEqualTo(invalid());
        assertThat(reason(upsertUser.execute(new UpsertUser.Command("host-ash", "host-b", "b@oak.example", "B",
                Role.TEACHER)))).isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(reason(upsertUser.execute(new UpsertUser.Command("host-oak", "host-b", "ADA@oak.example", "B",
                Role.TEACHER)))).isEqualTo(Rejection.Reason.CONFLICT);
        assertThat(reason(upsertUser.execute(new UpsertUser.Command("host-elm", "host-ada", "ada@oak.example",
                "Ada", Role.TEACHER)))).isEqualTo(Rejection.Reason.CONFLICT);
        assertThat(stores.users().list(null)).extracting(User::externalId).containsExactly("host-ada");
    }

    @Test
    void givesTheActorOfAnActiveHostUserOnly() {
        upsertSchool.execute(new UpsertSchool.Command("host-oak", "Oak Primary")).orElseThrow();
        User ada = upsertUser.execute(new UpsertUser.Command("host-oak", "host-ada", "ada@oak.example", "Ada",
                Role.TEACHER)).orElseThrow();

        assertThat(actAs.execute("host-ada").orElseThrow()).isEqualTo(new Actor(ada.id(), Role.TEACHER, ada.schoolId()));
        assertThat(reason(actAs.execute("host-bob"))).isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(reason(actAs.execute(null))).isEqualTo(Rejection.Reason.NOT_FOUND);

        upsertUser.execute(new UpsertUser.Command("host-oak", "host-ada", "ada@oak.example", "Ada", Role.TEACHER,
                false)).orElseThrow();
        assertThat(reason(actAs.execute("host-ada"))).isEqualTo(Rejection.Reason.UNAUTHENTICATED);
    }

    @Test
    void aHostUserNeverSignsInOrChangesOrGetsAPassword() {
        upsertSchool.execute(new UpsertSchool.Command("host-oak", "Oak Primary")).orElseThrow();
        User ada = upsertUser.execute(new UpsertUser.Command("host-oak", "host-ada", "ada@oak.example", "Ada",
                Role.TEACHER)).orElseThrow();
        // a careless hasher that would take the empty password for the empty hash: LogIn must not even ask it
        PasswordHasher plain = new PasswordHasher() {
            @Override
            public String hash(String password) {
                return password;
            }

            @Override
            public boolean verify(String password, String hash) {
                return password.equals(hash);
            }
        };
        TokenService tokens = new InMemoryCore.FakeTokens();
        LogIn logIn = new LogIn(stores.users(), plain, tokens, new LoginThrottle(Clock.systemUTC()));

        assertThat(reason(logIn.execute(new LogIn.Command("ada@oak.example", ""))))
                .isEqualTo(Rejection.Reason.UNAUTHENTICATED);
        assertThat(reason(logIn.execute(new LogIn.Command("ada@oak.example", null))))
                .isEqualTo(Rejection.Reason.UNAUTHENTICATED);
        assertThat(reason(new ChangePassword(stores.users(), plain, PasswordPolicy.LENGTH_ONLY, tokens).execute(ada.asActor(),
                new ChangePassword.Command("", "a new long password")))).isEqualTo(invalid());
        assertThat(reason(new ManageUser(stores.users(), plain, new AccessPolicy())
                .issueTemporaryPassword(Actor.SYSTEM, ada.id()))).isEqualTo(invalid());
        assertThat(stores.users().find(ada.id()).orElseThrow().hasPassword()).isFalse();
    }

    private static Rejection.Reason invalid() {
        return Rejection.Reason.INVALID_INPUT;
    }

    private static Rejection.Reason reason(Result<?> result) {
        assertThat(result).isInstanceOf(Result.Rejected.class);
        return ((Result.Rejected<?>) result).rejection().reason();
    }
}
