package org.classreflect.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.classreflect.adapters.sql.Database;
import org.classreflect.adapters.sql.JdbiRecordings;
import org.classreflect.adapters.sql.JdbiSchoolSettings;
import org.classreflect.adapters.sql.JdbiSchools;
import org.classreflect.adapters.sql.JdbiTemplates;
import org.classreflect.adapters.sql.JdbiUsers;
import org.classreflect.adapters.files.FilesystemAudioStore;
import org.classreflect.core.schoolsettings.ManageSchoolSettings;
import org.classreflect.core.school.SchoolAnalysisSettings;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.deletion.ApplyRetention;
import org.classreflect.core.deletion.RetentionSettings;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.testfixtures.builders.ARecording;
import org.classreflect.testfixtures.builders.ASchool;
import org.classreflect.testfixtures.builders.AUser;
import org.classreflect.testfixtures.fakes.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each school's audio is kept for its own period, else the installation's, capped by the installation's maximum;
 * against the local adapters and a clock the test moves.
 */
class SchoolAudioRetentionTest {

    private static final Duration DEFAULT = Duration.ofHours(24);
    private static final Duration MAX = Duration.ofDays(30);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private Database database;
    private JdbiRecordings recordings;
    private JdbiSchoolSettings settings;
    private FilesystemAudioStore audio;

    @BeforeEach
    void setUp() {
        database = Database.inMemory();
        recordings = new JdbiRecordings(database.jdbi());
        settings = new JdbiSchoolSettings(database.jdbi());
        audio = new FilesystemAudioStore(dir.resolve("audio"));
        var schools = new JdbiSchools(database.jdbi());
        var users = new JdbiUsers(database.jdbi());
        for (String school : new String[] {"short", "long", "default"}) {
            schools.insert(ASchool.named(school, school + " school"));
            users.insert(AUser.teacher("t-" + school, school));
        }
        settings.save(withRetention("short", Duration.ofHours(2)));
        settings.save(withRetention("long", Duration.ofDays(7)));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private ApplyRetention retention(AudioStore store, Duration max) {
        return new ApplyRetention(recordings, new JdbiSchools(database.jdbi()), settings, store,
                new RetentionSettings(DEFAULT, max, Duration.ofDays(1)), clock);
    }

    private ApplyRetention retention() {
        return retention(audio, MAX);
    }

    private static SchoolAnalysisSettings withRetention(String school, Duration period) {
        return new SchoolAnalysisSettings(school, false, null, false, period);
    }

    /** A recording of the school that completed now, with its audio stored. */
    private Recording completedNow(String id, String school) throws IOException {
        Recording r = ARecording.of(id, school, "t-" + school).status(RecordingStatus.COMPLETED).progress(100)
                .createdAt(clock.instant().minusSeconds(60)).finishedAt(clock.instant()).build();
        recordings.insert(r);
        audio.put(r.audioKey(), new ByteArrayInputStream(new byte[] {1, 2, 3}));
        return r;
    }

    private boolean audioKept(Recording r) throws IOException {
        boolean stored = audio.exists(r.audioKey());
        assertThat(recordings.find(r.id()).orElseThrow().hasAudio()).as("the record agrees with the store")
                .isEqualTo(stored);
        return stored;
    }

    @Test
    void eachSchoolsAudioGoesAfterItsOwnPeriodAndSchoolsWithoutOneUseTheInstallationsDefault() throws Exception {
        Recording shortLived = completedNow("r-short", "short");
        Recording daily = completedNow("r-default", "default");
        Recording weekly = completedNow("r-long", "long");

        clock.advance(Duration.ofHours(2).minusMinutes(1));
        assertThat(retention().execute().audioDeleted()).isZero();

        clock.advance(Duration.ofMinutes(2));
        assertThat(retention().execute().audioDeleted()).isEqualTo(1);
        assertThat(audioKept(shortLived)).isFalse();
        assertThat(audioKept(daily)).isTrue();
        assertThat(audioKept(weekly)).isTrue();

        clock.advance(Duration.ofHours(22));
        assertThat(retention().execute().audioDeleted()).isEqualTo(1);
        assertThat(audioKept(daily)).as("24 h: the installation's period").isFalse();
        assertThat(audioKept(weekly)).isTrue();

        clock.advance(Duration.ofDays(6).minusHours(1));
        assertThat(retention().execute().audioDeleted()).isZero();
        assertThat(audioKept(weekly)).isTrue();
        clock.advance(Duration.ofHours(2));
        assertThat(retention().execute().audioDeleted()).isEqualTo(1);
        assertThat(audioKept(weekly)).isFalse();
    }

    @Test
    void aChangedPeriodAppliesToLessonsCompletedBeforeTheChange() throws Exception {
        Recording weekly = completedNow("r-long", "long");
        Recording daily = completedNow("r-default", "default");
        clock.advance(Duration.ofHours(5));
        assertThat(retention().execute().audioDeleted()).isZero();

        settings.save(withRetention("long", Duration.ofHours(4)));
        settings.save(withRetention("default", Duration.ofDays(3)));
        clock.advance(Duration.ofHours(20));
        assertThat(retention().execute().audioDeleted()).as("shortened: due at once; lengthened: kept").isEqualTo(1);
        assertThat(audioKept(weekly)).isFalse();
        assertThat(audioKept(daily)).as("past 24 h, but the school now keeps 3 days").isTrue();

        settings.save(withRetention("default", null));
        assertThat(retention().execute().audioDeleted()).as("back to the installation's 24 h").isEqualTo(1);
        assertThat(audioKept(daily)).isFalse();
    }

    @Test
    void aSchoolsPeriodLongerThanTodaysMaximumIsCutToTheMaximum() throws Exception {
        Recording weekly = completedNow("r-long", "long");
        clock.advance(Duration.ofDays(2).plusMinutes(1));

        assertThat(retention(audio, Duration.ofDays(2)).execute().audioDeleted()).isEqualTo(1);
        assertThat(audioKept(weekly)).isFalse();
    }

    @Test
    void audioThatCannotBeDeletedInOneSchoolNeverKeepsTheOthers() throws Exception {
        Recording stuck = completedNow("r-short", "short");
        Recording other = completedNow("r-default", "default");
        AudioStore failingForOne = new AudioStore() {
            public void put(String key, InputStream content) throws IOException {
                audio.put(key, content);
            }

            public InputStream open(String key) throws IOException {
                return audio.open(key);
            }

            public void delete(String key) throws IOException {
                if (key.equals(stuck.audioKey())) {
                    throw new IOException("access denied");
                }
                audio.delete(key);
            }

            public boolean exists(String key) throws IOException {
                return audio.exists(key);
            }
        };
        clock.advance(Duration.ofDays(1).plusMinutes(1));

        ApplyRetention.Report report = retention(failingForOne, MAX).execute();

        assertThat(report.audioDeleted()).isEqualTo(1);
        assertThat(report.failures()).isEqualTo(1);
        assertThat(audioKept(other)).isFalse();
        assertThat(audioKept(stuck)).as("tried again on the next run").isTrue();
        assertThat(retention().execute().audioDeleted()).isEqualTo(1);
        assertThat(audioKept(stuck)).isFalse();
    }

    @Test
    void aChoiceAboveALoweredMaximumStaysWhileOtherSettingsChangeButANewChoiceMustFit() {
        Actor manager = AUser.manager("m-long", "long").asActor();
        var lowered = new ManageSchoolSettings(settings, new JdbiSchools(database.jdbi()),
                new JdbiTemplates(database.jdbi(), clock), new AccessPolicy(),
                new RetentionSettings(DEFAULT, Duration.ofDays(2), Duration.ofDays(1)));
        SchoolAnalysisSettings current = settings.find("long");

        Result<SchoolAnalysisSettings> hidden = lowered.put(manager, new SchoolAnalysisSettings("long", true, null,
                false, current.audioRetention()));
        Result<SchoolAnalysisSettings> longer = lowered.put(manager, new SchoolAnalysisSettings("long", true, null,
                false, Duration.ofDays(6)));

        assertThat(hidden.isOk()).as("the week chosen before stays").isTrue();
        assertThat(settings.find("long")).isEqualTo(new SchoolAnalysisSettings("long", true, null, false,
                Duration.ofDays(7)));
        assertThat(longer).isEqualTo(Result.rejected(Rejection.invalid(
                "audio retention cannot be longer than 48 hours, the longest this installation allows")));
    }
}
