package org.classreflect.testfixtures.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.classreflect.core.redaction.SchoolPrivacy;
import org.classreflect.core.redaction.SchoolPrivacySettings;
import org.classreflect.core.apitoken.ApiToken;
import org.classreflect.core.apitoken.ApiTokens;
import org.classreflect.core.erasure.AccountRemoval;
import org.classreflect.core.erasure.ErasureKind;
import org.classreflect.core.erasure.ErasureReceipt;
import org.classreflect.core.erasure.ErasureRequest;
import org.classreflect.core.erasure.ErasureRequests;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.report.TeacherGoals;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.SchoolAnalysisSettings;
import org.classreflect.core.school.SchoolSettings;
import org.classreflect.core.school.Schools;
import org.classreflect.core.school.Users;
import org.classreflect.core.template.StarterTemplates;
import org.classreflect.core.template.Template;
import org.classreflect.core.template.Templates;
import org.classreflect.testfixtures.builders.ARecording;
import org.classreflect.testfixtures.builders.ASchool;
import org.classreflect.testfixtures.builders.AUser;
import org.classreflect.testfixtures.builders.Times;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ErasureRequests} and {@link AccountRemoval} adapter must do. Account removal reaches into the
 * stores of schools, users, tokens, templates and settings, so they come together.
 */
public abstract class ErasureStoresContract {

    public record Stores(Schools schools, Users users, Recordings recordings, ApiTokens apiTokens,
                         Templates templates, SchoolSettings schoolSettings, SchoolPrivacySettings privacy,
                         TeacherGoals goals, ErasureRequests requests, AccountRemoval removal) {
    }

    private Stores stores;

    /** Empty stores: new ones, or shared ones the subclass has just cleaned. */
    protected abstract Stores emptyStores();

    @BeforeEach
    void setUpStores() {
        stores = emptyStores();
        stores.schools().insert(ASchool.named("s-1", "Oak Primary"));
        stores.schools().insert(ASchool.named("s-2", "Elm Academy"));
        stores.users().insert(AUser.manager("m-1", "s-1"));
        stores.users().insert(AUser.teacher("u-1", "s-1"));
        stores.users().insert(AUser.teacher("u-2", "s-2"));
        stores.apiTokens().insert(new ApiToken("k-1", "u-1", "script", "a".repeat(64), Times.T0, null));
        stores.apiTokens().insert(new ApiToken("k-2", "u-2", "script", "b".repeat(64), Times.T0, null));
        Template starter = StarterTemplates.QUESTIONING_AND_WAIT_TIME;
        stores.templates().insert(new Template("t-1", "s-1", "Oak's", "ours", "questioning", Set.of(), Set.of(), 1,
                starter.criteria()));
        stores.schoolSettings().save(new SchoolAnalysisSettings("s-1", true, null, false, null));
        stores.privacy().save(new SchoolPrivacy("s-1", true, List.of("Priya Shah"), 30));
        stores.goals().save("u-1", List.of("Wait time after questions"));
        stores.goals().save("u-2", List.of("Open questions"));
    }

    private static ErasureRequest request(String id, ErasureKind kind, String subject, String school, long minute) {
        return new ErasureRequest(id, kind, subject, school, "admin", Role.SUPER_ADMIN, Times.minutesAfterT0(minute),
                null, null);
    }

    @Test
    void keepsTheFirstReceiptOnlyAndListsUnfinishedOldestFirstAndBySchoolNewestFirst() {
        ErasureRequests requests = stores.requests();
        requests.insert(request("e-2", ErasureKind.SCHOOL, "s-2", "s-2", 2));
        requests.insert(request("e-1", ErasureKind.TEACHER, "u-1", "s-1", 1));
        ErasureReceipt receipt = new ErasureReceipt(1, 200, 150, 199, 300, 2, 0);

        assertThat(requests.recordReceipt("e-1", receipt)).isTrue();
        assertThat(requests.recordReceipt("e-1", new ErasureReceipt(0, 0, 0, 0, 0, 0, 0))).isFalse();
        assertThat(requests.find("e-1").orElseThrow().receipt()).isEqualTo(receipt);
        assertThat(requests.find("e-2").orElseThrow().receipt()).isNull();
        assertThat(requests.listUnfinished()).extracting(ErasureRequest::id).containsExactly("e-1", "e-2");

        requests.markCompleted("e-1", Times.minutesAfterT0(5));
        requests.markCompleted("e-1", Times.minutesAfterT0(9));

        ErasureRequest done = requests.find("e-1").orElseThrow();
        assertThat(done).isEqualTo(new ErasureRequest("e-1", ErasureKind.TEACHER, "u-1", "s-1", "admin",
                Role.SUPER_ADMIN, Times.minutesAfterT0(1), receipt, Times.minutesAfterT0(5)));
        assertThat(requests.listUnfinished()).extracting(ErasureRequest::id).containsExactly("e-2");
        assertThat(requests.list(null)).extracting(ErasureRequest::id).containsExactly("e-2", "e-1");
        assertThat(requests.list("s-1")).extracting(ErasureRequest::id).containsExactly("e-1");
        assertThat(requests.find("nothing")).isEmpty();
    }

    @Test
    void removingATeacherTakesTheirTokensAndAccountOnlyAndCanRunAgain() {
        stores.removal().removeTeacher("u-1");
        stores.removal().removeTeacher("u-1");

        assertThat(stores.users().find("u-1")).isEmpty();
        assertThat(stores.apiTokens().listForUser("u-1")).isEmpty();
        assertThat(stores.goals().find("u-1")).isEmpty();
        assertThat(stores.users().find("m-1")).isPresent();
        assertThat(stores.apiTokens().listForUser("u-2")).hasSize(1);
        assertThat(stores.goals().find("u-2")).containsExactly("Open questions");
    }

    @Test
    void removingASchoolTakesItsAccountsTokensTemplatesAndSettingsAndNoOtherSchools() {
        stores.removal().removeSchool("s-1");
        stores.removal().removeSchool("s-1");

        assertThat(stores.schools().find("s-1")).isEmpty();
        assertThat(stores.users().list("s-1")).isEmpty();
        assertThat(stores.apiTokens().listForUser("u-1")).isEmpty();
        assertThat(stores.goals().find("u-1")).isEmpty();
        assertThat(stores.templates().find("t-1", 1)).isEmpty();
        assertThat(stores.schoolSettings().find("s-1").hideScoresFromTeachers()).isFalse();
        assertThat(stores.privacy().find("s-1")).isEqualTo(SchoolPrivacy.defaults("s-1"));
        assertThat(stores.schools().find("s-2")).isPresent();
        assertThat(stores.users().find("u-2")).isPresent();
        assertThat(stores.apiTokens().listForUser("u-2")).hasSize(1);
        assertThat(stores.goals().find("u-2")).containsExactly("Open questions");
    }

    @Test
    void refusesToRemoveAnAccountWhileARecordingStillNamesIt() {
        stores.recordings().insert(ARecording.queued("r-1", "s-1", "u-1"));

        assertThatThrownBy(() -> stores.removal().removeTeacher("u-1")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> stores.removal().removeSchool("s-1")).isInstanceOf(RuntimeException.class);
        assertThat(stores.users().find("u-1")).as("nothing went").isPresent();
        assertThat(stores.apiTokens().listForUser("u-1")).hasSize(1);
        assertThat(stores.templates().find("t-1", 1)).isPresent();
    }
}
