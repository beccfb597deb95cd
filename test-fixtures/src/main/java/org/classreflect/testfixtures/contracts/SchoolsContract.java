package org.classreflect.testfixtures.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.classreflect.core.school.School;
import org.classreflect.core.school.Schools;
import org.classreflect.testfixtures.builders.ASchool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Schools} adapter must do. */
public abstract class SchoolsContract {

    private Schools schools;

    /** An empty store: a new one, or a shared one the subclass has just cleaned. */
    protected abstract Schools emptySchools();

    @BeforeEach
    void setUpStore() {
        schools = emptySchools();
    }

    @Test
    void findsAnInsertedSchoolByIdAndByName() {
        School school = new School("s-1", "Oak Primary", Instant.parse("2026-01-31T23:59:59.999Z"), null);
        schools.insert(school);

        assertThat(schools.find("s-1")).hasValue(school);
        assertThat(schools.findByName("Oak Primary")).hasValue(school);
    }

    @Test
    void keepsTimesToTheMillisecond() {
        schools.insert(new School("s-1", "Oak Primary", Instant.parse("2026-05-04T10:11:12.345678901Z"), null));

        assertThat(schools.find("s-1").orElseThrow().createdAt()).isEqualTo("2026-05-04T10:11:12.345Z");
    }

    @Test
    void findsNothingForUnknownIdsAndNames() {
        schools.insert(ASchool.named("s-1", "Oak Primary"));

        assertThat(schools.find("s-2")).isEmpty();
        assertThat(schools.findByName("Elm Primary")).isEmpty();
    }

    @Test
    void keepsUnicodeNames() {
        School school = ASchool.named("s-1", "École Saint-Exupéry ✏️ 北京");
        schools.insert(school);

        assertThat(schools.findByName("École Saint-Exupéry ✏️ 北京")).hasValue(school);
    }

    @Test
    void refusesASecondSchoolWithTheSameName() {
        schools.insert(ASchool.named("s-1", "Oak Primary"));

        assertThatThrownBy(() -> schools.insert(ASchool.named("s-2", "Oak Primary")))
                .isInstanceOf(RuntimeException.class);
        assertThat(schools.list()).extracting(School::id).containsExactly("s-1");
    }

    @Test
    void refusesASecondSchoolWithTheSameId() {
        schools.insert(ASchool.named("s-1", "Oak Primary"));

        assertThatThrownBy(() -> schools.insert(ASchool.named("s-1", "Elm Primary")))
                .isInstanceOf(RuntimeException.class);
        assertThat(schools.find("s-1").orElseThrow().name()).isEqualTo("Oak Primary");
    }

    @Test
    void listsEverySchool() {
        assertThat(schools.list()).isEmpty();
        schools.insert(ASchool.named("s-1", "Oak Primary"));
        schools.insert(ASchool.named("s-2", "Elm Primary"));

        assertThat(schools.list()).containsExactlyInAnyOrder(ASchool.named("s-1", "Oak Primary"),
                ASchool.named("s-2", "Elm Primary"));
    }

    @Test
    void renamesASchoolAndFindsItByItsNewNameOnly() {
        schools.insert(ASchool.named("s-1", "Oak Primary"));

        assertThat(schools.rename("s-1", "Oak Academy")).isTrue();

        assertThat(schools.find("s-1").orElseThrow().name()).isEqualTo("Oak Academy");
        assertThat(schools.findByName("Oak Academy")).isPresent();
        assertThat(schools.findByName("Oak Primary")).isEmpty();
        assertThat(schools.rename("s-2", "Elm Primary")).as("no such school").isFalse();
    }

    @Test
    void refusesToRenameASchoolToAnotherSchoolsName() {
        schools.insert(ASchool.named("s-1", "Oak Primary"));
        schools.insert(ASchool.named("s-2", "Elm Primary"));

        assertThatThrownBy(() -> schools.rename("s-2", "Oak Primary")).isInstanceOf(RuntimeException.class);
        assertThat(schools.find("s-2").orElseThrow().name()).isEqualTo("Elm Primary");
    }

    @Test
    void findsASchoolByItsExternalId() {
        School hosted = new School("s-1", "Oak Primary", Instant.parse("2026-01-31T23:59:59.999Z"), "host-oak");
        schools.insert(hosted);
        schools.insert(ASchool.named("s-2", "Elm Primary"));

        assertThat(schools.findByExternalId("host-oak")).hasValue(hosted);
        assertThat(schools.find("s-1").orElseThrow().externalId()).isEqualTo("host-oak");
        assertThat(schools.find("s-2").orElseThrow().externalId()).isNull();
    }

    @Test
    void findsNothingForAnUnknownExternalId() {
        schools.insert(new School("s-1", "Oak Primary", Instant.parse("2026-01-31T23:59:59.999Z"), "host-oak"));
        schools.insert(ASchool.named("s-2", "Elm Primary"));

        assertThat(schools.findByExternalId("host-elm")).isEmpty();
        assertThat(schools.findByExternalId("HOST-OAK")).as("external ids are compared exactly").isEmpty();
    }

    @Test
    void refusesASecondSchoolWithTheSameExternalIdButAllowsManyWithout() {
        schools.insert(new School("s-1", "Oak Primary", Instant.parse("2026-01-31T23:59:59.999Z"), "host-oak"));
        schools.insert(ASchool.named("s-2", "Elm Primary"));
        schools.insert(ASchool.named("s-3", "Ash Primary"));

        assertThatThrownBy(() -> schools.insert(
                new School("s-4", "Yew Primary", Instant.parse("2026-01-31T23:59:59.999Z"), "host-oak")))
                .isInstanceOf(RuntimeException.class);
        assertThat(schools.list()).extracting(School::id).containsExactlyInAnyOrder("s-1", "s-2", "s-3");
    }

    @Test
    void keepsTheExternalIdWhenRenaming() {
        schools.insert(new School("s-1", "Oak Primary", Instant.parse("2026-01-31T23:59:59.999Z"), "host-oak"));

        schools.rename("s-1", "Oak Academy");

        assertThat(schools.findByExternalId("host-oak").orElseThrow().name()).isEqualTo("Oak Academy");
    }
}
