package org.classreflect.sdk.wiring;

import java.util.Objects;
import java.util.Optional;
import org.classreflect.core.rubric.RubricAnalysisException;
import org.classreflect.core.rubric.RubricAnalyzer;
import org.classreflect.core.rubric.RubricRequest;
import org.classreflect.core.rubric.RubricResult;
import org.classreflect.core.system.RubricChoice;
import org.classreflect.core.system.SystemChoicesStore;
import org.classreflect.sdk.config.Settings;

/**
 * Rubric feedback from the language model in force for each analysis: the super admin's choice when there is one,
 * else the deployment's. The choice is read before every analysis; the model is built again only when it changed.
 * With no language model in force it answers no feedback (null), as {@link RubricAnalyzer} allows.
 */
public final class ChosenRubricAnalyzer implements RubricAnalyzer {

    private final Settings deployment;
    private final SystemChoicesStore choices;
    private RubricChoice builtFor;
    private Optional<RubricAnalyzer> built;

    /** Builds the deployment's model at once, so a bad configuration still fails at start-up. */
    public ChosenRubricAnalyzer(Settings deployment, SystemChoicesStore choices) {
        this.deployment = deployment;
        this.choices = choices;
        this.built = RubricModels.fromSettings(deployment);
    }

    @Override
    public RubricResult analyze(RubricRequest request) throws RubricAnalysisException {
        Optional<RubricAnalyzer> model = inForce();
        return model.isPresent() ? model.get().analyze(request) : null;
    }

    private synchronized Optional<RubricAnalyzer> inForce() {
        RubricChoice choice = choices.find().rubric();
        if (!Objects.equals(choice, builtFor)) {
            built = RubricModels.fromSettings(RubricChoices.apply(deployment, choice));
            builtFor = choice;
        }
        return built;
    }
}
