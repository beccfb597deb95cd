package org.classreflect.core.system;

import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.system.SpeechModel.Availability;

/** Reads and changes the system-wide choices: super admins only, every value checked before it is kept. */
public final class ManageSystemChoices {

    /** Each part null to go back to the deployment's configuration. */
    public record Command(String transcriptionModel, RubricChoice rubric) {
    }

    /** The stored choices, the engine the deployment runs, and the models it can be given. */
    public record Overview(SystemChoices choices, String engine, List<SpeechModel> models) {
    }

    private static final int LONGEST_NAME = 200;
    private static final int LONGEST_URL = 500;

    private final SystemChoicesStore store;
    private final SpeechModels models;
    private final AccessPolicy policy;
    private final Clock clock;

    @Inject
    public ManageSystemChoices(SystemChoicesStore store, SpeechModels models, AccessPolicy policy, Clock clock) {
        this.store = store;
        this.models = models;
        this.policy = policy;
        this.clock = clock;
    }

    public Result<Overview> read(Actor actor) {
        if (!policy.canAdministerSystem(actor)) {
            return Result.rejected(Rejection.forbidden("only a super admin can see the system settings"));
        }
        return Result.ok(new Overview(store.find(), models.engine(), models.catalogue()));
    }

    public Result<SystemChoices> change(Actor actor, Command command) {
        if (!policy.canAdministerSystem(actor)) {
            return Result.rejected(Rejection.forbidden("only a super admin can change the system settings"));
        }
        String model = blankToNull(command.transcriptionModel());
        String problem = model == null ? null : modelProblem(model);
        RubricChoice rubric = command.rubric() == null ? null : clean(command.rubric());
        if (problem == null && rubric != null) {
            problem = rubricProblem(rubric);
        }
        if (problem != null) {
            return Result.rejected(Rejection.invalid(problem));
        }
        SystemChoices choices = new SystemChoices(model, rubric, clock.instant(), actor.userId());
        store.save(choices);
        return Result.ok(choices);
    }

    private String modelProblem(String name) {
        if (models.catalogue().isEmpty()) {
            return "the " + models.engine() + " engine takes no model; the engine is set by the deployment";
        }
        SpeechModel model = models.catalogue().stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
        if (model == null) {
            return "there is no model called " + name;
        }
        if (model.availability() == Availability.NOT_INSTALLED) {
            return "the model " + name + " is not installed; run `classreflect-worker models pull " + name
                    + "` on the worker host first";
        }
        return null;
    }

    private static RubricChoice clean(RubricChoice raw) {
        String provider = raw.provider() == null ? "" : raw.provider().trim().toLowerCase(Locale.ROOT);
        return new RubricChoice(provider, blankToNull(raw.baseUrl()), blankToNull(raw.model()));
    }

    private static String rubricProblem(RubricChoice rubric) {
        if (!RubricChoice.PROVIDERS.contains(rubric.provider())) {
            return "the language-model provider must be none, openai or bedrock";
        }
        if (rubric.provider().equals(RubricChoice.NONE)) {
            return rubric.baseUrl() == null && rubric.model() == null ? null
                    : "with no language model, leave the base URL and the model empty";
        }
        if (rubric.model() == null || rubric.model().length() > LONGEST_NAME) {
            return "the model name must have 1 to " + LONGEST_NAME + " characters";
        }
        if (rubric.provider().equals(RubricChoice.BEDROCK)) {
            return rubric.baseUrl() == null ? null
                    : "Bedrock takes no base URL; its endpoint is set by the deployment (CLASSREFLECT_BEDROCK_ENDPOINT)";
        }
        return urlProblem(rubric.baseUrl());
    }

    private static String urlProblem(String url) {
        if (url == null || url.length() > LONGEST_URL) {
            return "the base URL must have 1 to " + LONGEST_URL + " characters, e.g. https://api.openai.com/v1";
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null && uri.getUserInfo() == null) {
                return null;
            }
        } catch (URISyntaxException e) {
            // explained below
        }
        return "the base URL must be an http or https address such as https://api.openai.com/v1";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
