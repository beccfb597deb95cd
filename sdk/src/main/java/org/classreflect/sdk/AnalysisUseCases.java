package org.classreflect.sdk;

import org.classreflect.core.template.ManageTemplates;
import org.classreflect.core.report.ReadAnalyses;
import org.classreflect.core.analysis.RequestAnalysis;

/** Lesson analysis: templates, requests, results and each teacher's progress; each use case checks the actor's rights. */
public record AnalysisUseCases(ManageTemplates templates, RequestAnalysis request, ReadAnalyses read) {
}
