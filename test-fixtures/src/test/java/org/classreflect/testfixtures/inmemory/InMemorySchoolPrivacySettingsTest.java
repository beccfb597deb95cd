package org.classreflect.testfixtures.inmemory;

import org.classreflect.core.inmemory.InMemoryStores;
import org.classreflect.testfixtures.contracts.SchoolPrivacySettingsContract;

class InMemorySchoolPrivacySettingsTest extends SchoolPrivacySettingsContract {

    @Override
    protected Stores emptyStores() {
        InMemoryStores stores = new InMemoryStores();
        return new Stores(stores.schools(), stores.schoolPrivacy());
    }
}
