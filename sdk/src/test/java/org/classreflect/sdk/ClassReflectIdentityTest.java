package org.classreflect.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.classreflect.core.common.PageRequest;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.recording.ListRecordings;
import org.classreflect.core.recording.RecordingSearch;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.School;
import org.classreflect.core.school.UpsertSchool;
import org.classreflect.core.school.UpsertUser;
import org.classreflect.core.school.User;
import org.classreflect.testfixtures.builders.ARecording;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A host that signs its own users in keeps them in ClassReflect by its own ids and acts as them. */
class ClassReflectIdentityTest {

    private static final ListRecordings.Filter ALL = new ListRecordings.Filter(null, Set.of(), RecordingSearch.NONE,
            PageRequest.first());

    private final ClassReflect classReflect = ClassReflect.builder().transcriber(new FakeTranscriber()).build();
    private final IdentityUseCases identities = classReflect.identities();

    @AfterEach
    void close() {
        classReflect.close();
    }

    @Test
    void upsertsTwiceAndActsAsTheTeacherUnderTheSameRulesAsTheApi() {
        School oak = identities.upsertSchool().execute(new UpsertSchool.Command("host-oak", "Oak Primary"))
                .orElseThrow();
        User ada = identities.upsertUser().execute(new UpsertUser.Command("host-oak", "host-ada", "ada@oak.example",
                "Ada", Role.TEACHER)).orElseThrow();

        School oakAgain = identities.upsertSchool().execute(new UpsertSchool.Command("host-oak", "Oak Academy"))
                .orElseThrow();
        User adaAgain = identities.upsertUser().execute(new UpsertUser.Command("host-oak", "host-ada",
                "ada@oak.example", "Ada Lovelace", Role.TEACHER)).orElseThrow();

        assertThat(oakAgain.id()).isEqualTo(oak.id());
        assertThat(oakAgain.name()).isEqualTo("Oak Academy");
        assertThat(adaAgain.id()).isEqualTo(ada.id());
        assertThat(adaAgain.displayName()).isEqualTo("Ada Lovelace");
        assertThat(classReflect.schools().schools().execute(Actor.SYSTEM)).extracting(School::name)
                .containsExactly("Oak Academy");

        User bob = identities.upsertUser().execute(new UpsertUser.Command("host-oak", "host-bob", "bob@oak.example",
                "Bob", Role.TEACHER)).orElseThrow();
        classReflect.adapters().recordings().insert(ARecording.queued("r-ada", oak.id(), ada.id()));
        classReflect.adapters().recordings().insert(ARecording.queued("r-bob", oak.id(), bob.id()));

        Actor asAda = identities.actAs().execute("host-ada").orElseThrow();
        assertThat(asAda).isEqualTo(new Actor(ada.id(), Role.TEACHER, oak.id()));
        assertThat(classReflect.recordings().list().execute(asAda, ALL).items()).extracting(r -> r.recording().id())
                .containsExactly("r-ada");

        identities.upsertSchool().execute(new UpsertSchool.Command("host-elm", "Elm Primary")).orElseThrow();
        identities.upsertUser().execute(new UpsertUser.Command("host-elm", "host-eve", "eve@elm.example", "Eve",
                Role.SCHOOL_MANAGER)).orElseThrow();
        Actor elmManager = identities.actAs().execute("host-eve").orElseThrow();
        assertThat(classReflect.recordings().list().execute(elmManager, ALL).items()).isEmpty();
        assertThat(classReflect.recordings().get().execute(elmManager, "r-ada").isOk()).isFalse();
        assertThat(classReflect.schools().users().execute(elmManager, oak.id()).orElseThrow()).extracting(User::id)
                .containsExactly(elmManager.userId());
        assertThat(reason(classReflect.schools().users().get(elmManager, ada.id())))
                .isEqualTo(Rejection.Reason.NOT_FOUND);
    }

    @Test
    void refusesUnknownAndDeactivatedHostUsers() {
        identities.upsertSchool().execute(new UpsertSchool.Command("host-oak", "Oak Primary")).orElseThrow();
        identities.upsertUser().execute(new UpsertUser.Command("host-oak", "host-ada", "ada@oak.example", "Ada",
                Role.TEACHER, false)).orElseThrow();

        assertThat(reason(identities.actAs().execute("host-nobody"))).isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(reason(identities.actAs().execute("host-ada"))).isEqualTo(Rejection.Reason.UNAUTHENTICATED);
    }

    private static Rejection.Reason reason(Result<?> result) {
        assertThat(result).isInstanceOf(Result.Rejected.class);
        return ((Result.Rejected<?>) result).rejection().reason();
    }
}
