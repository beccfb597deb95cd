package org.classreflect.testfixtures.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.classreflect.core.system.RubricChoice;
import org.classreflect.core.system.SystemChoices;
import org.classreflect.core.system.SystemChoicesStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SystemChoicesStore} adapter must do. */
public abstract class SystemChoicesStoreContract {

    private static final Instant AT = Instant.parse("2026-03-04T05:06:07.891Z");

    private SystemChoicesStore store;

    /** An empty store: a new one, or a shared one the subclass has just cleaned. */
    protected abstract SystemChoicesStore emptyStore();

    @BeforeEach
    void setUpStore() {
        store = emptyStore();
    }

    @Test
    void hasNoChoicesUntilSomeAreSaved() {
        assertThat(store.find()).isEqualTo(SystemChoices.NONE);
    }

    @Test
    void keepsTheLastChoicesSaved() {
        store.save(new SystemChoices("small.en", new RubricChoice("openai", "http://127.0.0.1:11434/v1", "llama3"),
                AT, "admin-1"));
        SystemChoices latest = new SystemChoices("base.en", new RubricChoice("bedrock", null,
                "anthropic.claude-3-haiku"), AT.plusSeconds(60), "admin-2");
        store.save(latest);

        assertThat(store.find()).isEqualTo(latest);
    }

    @Test
    void aPartSetBackToTheDeploymentsIsStoredAsNothing() {
        store.save(new SystemChoices("small.en", new RubricChoice("none", null, null), AT, "admin-1"));
        store.save(new SystemChoices(null, null, AT, "admin-1"));

        assertThat(store.find()).isEqualTo(new SystemChoices(null, null, AT, "admin-1"));
    }
}
