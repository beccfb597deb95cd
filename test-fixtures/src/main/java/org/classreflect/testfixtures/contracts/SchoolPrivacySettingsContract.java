package org.classreflect.testfixtures.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.classreflect.core.redaction.SchoolPrivacy;
import org.classreflect.core.redaction.SchoolPrivacySettings;
import org.classreflect.core.school.Schools;
import org.classreflect.testfixtures.builders.ASchool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SchoolPrivacySettings} adapter must do. */
public abstract class SchoolPrivacySettingsContract {

    public record Stores(Schools schools, SchoolPrivacySettings privacy) {
    }

    private SchoolPrivacySettings privacy;

    /** Empty stores: new ones, or shared ones the subclass has just cleaned. */
    protected abstract Stores emptyStores();

    @BeforeEach
    void setUpStores() {
        Stores stores = emptyStores();
        stores.schools().insert(ASchool.named("s-1", "Oak Primary"));
        privacy = stores.privacy();
    }

    @Test
    void aSchoolThatSavedNothingHasTheDefaultsAndWhatIsSavedComesBackInOrderAndCanChange() {
        assertThat(privacy.find("s-1")).isEqualTo(SchoolPrivacy.defaults("s-1"));

        SchoolPrivacy first = new SchoolPrivacy("s-1", true, List.of("Zoë Ørsted", "Priya Shah", "Tom"), 30);
        privacy.save(first);
        assertThat(privacy.find("s-1")).isEqualTo(first);

        SchoolPrivacy second = new SchoolPrivacy("s-1", false, List.of(), null);
        privacy.save(second);
        assertThat(privacy.find("s-1")).isEqualTo(second);
    }

    @Test
    void refusesChoicesForASchoolThatDoesNotExist() {
        assertThatThrownBy(() -> privacy.save(SchoolPrivacy.defaults("nowhere")))
                .isInstanceOf(RuntimeException.class);
    }
}
