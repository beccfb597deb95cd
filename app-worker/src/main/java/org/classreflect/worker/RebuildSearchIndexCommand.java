package org.classreflect.worker;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.classreflect.adapters.sql.Database;
import org.classreflect.adapters.sql.SearchIndexRebuild;
import org.classreflect.sdk.config.Settings;
import org.classreflect.sdk.wiring.SettingsAdapters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "rebuild-search-index", mixinStandardHelpOptions = true,
        description = {"Builds the search's word index (MySQL, Aurora, MariaDB) again from the words stored with each "
                + "recording, for writes it missed: a release from before it still writing during a rolling upgrade, "
                + "or after a rollback. Stop the API and the workers first: searches see part of the index while "
                + "it runs, and a recording written meanwhile may be left out. The embedded database needs none."})
final class RebuildSearchIndexCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        long started = System.nanoTime();
        OptionalLong indexed;
        try (Database database = SettingsAdapters.database(Settings.fromEnvironment())) {
            indexed = SearchIndexRebuild.rebuild(database.jdbi(), done -> {
                out.println("indexed " + done + " recordings");
                out.flush();
            });
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("cannot rebuild the search index: " + e.getMessage());
            return 1;
        }
        if (indexed.isEmpty()) {
            out.println("the embedded database keeps its word table as it writes: nothing to rebuild");
        } else {
            out.println("search index rebuilt: " + indexed.getAsLong() + " recordings in "
                    + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        }
        return 0;
    }
}
