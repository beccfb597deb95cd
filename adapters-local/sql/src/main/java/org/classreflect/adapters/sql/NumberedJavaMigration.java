package org.classreflect.adapters.sql;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;

/** A migration in Java whose version and description are given, not read from its class name. */
abstract class NumberedJavaMigration extends BaseJavaMigration {

    private final MigrationVersion version;
    private final String description;

    NumberedJavaMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    protected void init() {
        // the version is not in the class's name
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }
}
