package org.classreflect.api.views;

import java.util.List;
import org.classreflect.core.school.ImportTeachers;

/** The answers to a CSV import: every problem and nothing made, or the accounts made (passwords shown once). */
public final class ImportView {

    /** Shaped like every error body, with the problems added. */
    public record Refused(String error, String message, List<ImportTeachers.Problem> problems) {
    }

    public record Created(String message, List<TemporaryPasswordView> created) {
    }

    private ImportView() {
    }

    public static Refused refused(List<ImportTeachers.Problem> problems) {
        return new Refused("invalid_rows", problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + " found; no account was created", problems);
    }

    public static Created created(ImportTeachers.Report report) {
        return new Created(report.created().size() + " accounts created", report.created().stream()
                .map(i -> new TemporaryPasswordView(UserView.of(i.user()), i.temporaryPassword())).toList());
    }
}
