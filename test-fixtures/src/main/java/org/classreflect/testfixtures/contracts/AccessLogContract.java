package org.classreflect.testfixtures.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.classreflect.core.accesslog.AccessAction;
import org.classreflect.core.accesslog.AccessEntry;
import org.classreflect.core.accesslog.AccessLog;
import org.classreflect.core.accesslog.AccessLogQuery;
import org.classreflect.core.accesslog.TargetKind;
import org.classreflect.core.common.PageRequest;
import org.classreflect.core.school.Role;
import org.classreflect.testfixtures.builders.Times;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AccessLog} adapter must do. */
public abstract class AccessLogContract {

    private AccessLog log;

    /** An empty log: a new one, or a shared one the subclass has just cleaned. */
    protected abstract AccessLog emptyLog();

    @BeforeEach
    void setUpLog() {
        log = emptyLog();
    }

    private static AccessEntry read(String id, long minute, String actor, String school, String teacher) {
        return new AccessEntry(id, Times.minutesAfterT0(minute), actor, Role.SCHOOL_MANAGER, school,
                AccessAction.READ_TRANSCRIPT, TargetKind.RECORDING, "r-" + id, school, teacher, "127.0.0.1",
                null);
    }

    private static AccessLogQuery all() {
        return new AccessLogQuery(null, null, null, null, null, null, new PageRequest(0, 50));
    }

    @Test
    void roundTripsEveryFieldAndAppendsAnIdOnlyOnce() {
        AccessEntry entry = new AccessEntry("e-1", Times.T0, "u-1", Role.SUPER_ADMIN, null, AccessAction.ERASURE,
                TargetKind.SCHOOL, "s-1", "s-1", null, "2001:db8::1", "erased school s-1: 3 account(s) ✓");
        log.append(entry);
        log.append(new AccessEntry("e-1", Times.minutesAfterT0(9), "u-2", Role.TEACHER, "s-2",
                AccessAction.SIGN_IN, TargetKind.USER, "u-2", "s-2", "u-2", null, null));

        assertThat(log.find(all()).items()).containsExactly(entry);
        assertThat(log.find(all()).total()).isEqualTo(1);
    }

    @Test
    void keepsAFailedSignInThatHasNoActorRole() {
        AccessEntry attempt = new AccessEntry("e-1", Times.T0, AccessEntry.NO_ONE, null, null,
                AccessAction.SIGN_IN_FAILED, TargetKind.USER, "u-1", "s-1", "u-1", "192.0.2.7",
                "email given: t@alpha.test; email or password is wrong");
        log.append(attempt);

        assertThat(log.find(new AccessLogQuery("s-1", null, null, AccessAction.SIGN_IN_FAILED, null, null,
                all().page())).items()).containsExactly(attempt);
    }

    @Test
    void listsNewestFirstNarrowedBySchoolTeacherActorActionAndTime() {
        log.append(read("a", 0, "m-1", "s-1", "t-1"));
        log.append(read("b", 1, "m-1", "s-1", "t-2"));
        log.append(read("c", 2, "m-2", "s-2", "t-3"));
        log.append(new AccessEntry("d", Times.minutesAfterT0(3), "t-1", Role.TEACHER, "s-1", AccessAction.SIGN_IN,
                TargetKind.USER, "t-1", "s-1", "t-1", null, null));

        assertThat(log.find(all()).items()).extracting(AccessEntry::id).containsExactly("d", "c", "b", "a");
        assertThat(log.find(new AccessLogQuery("s-1", null, null, null, null, null, PageRequest.first())).items())
                .extracting(AccessEntry::id).containsExactly("d", "b", "a");
        assertThat(log.find(new AccessLogQuery(null, "t-1", null, null, null, null, PageRequest.first())).items())
                .extracting(AccessEntry::id).containsExactly("d", "a");
        assertThat(log.find(new AccessLogQuery(null, null, "m-1", null, null, null, PageRequest.first())).items())
                .extracting(AccessEntry::id).containsExactly("b", "a");
        assertThat(log.find(new AccessLogQuery(null, null, null, AccessAction.SIGN_IN, null, null,
                PageRequest.first())).items()).extracting(AccessEntry::id).containsExactly("d");
        assertThat(log.find(new AccessLogQuery(null, null, null, null, Times.minutesAfterT0(1),
                Times.minutesAfterT0(3), PageRequest.first())).items()).extracting(AccessEntry::id)
                .containsExactly("c", "b");
        var page = log.find(new AccessLogQuery(null, null, null, null, null, null, new PageRequest(1, 2)));
        assertThat(page.items()).extracting(AccessEntry::id).containsExactly("c", "b");
        assertThat(page.total()).isEqualTo(4);
    }

    @Test
    void deletesOnlyEntriesOlderThanTheCutoff() {
        log.append(read("a", 0, "m-1", "s-1", "t-1"));
        log.append(read("b", 10, "m-1", "s-1", "t-1"));

        assertThat(log.deleteBefore(Times.minutesAfterT0(10))).isEqualTo(1);
        assertThat(log.find(all()).items()).extracting(AccessEntry::id).containsExactly("b");
    }
}
