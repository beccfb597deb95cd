package org.classreflect.sdk;

import org.classreflect.core.school.ActAsHostUser;
import org.classreflect.core.school.UpsertSchool;
import org.classreflect.core.school.UpsertUser;

/**
 * The host's identity: a school system that signs its own users in keeps its schools and users here by its own ids
 * ({@code upsertSchool}, {@code upsertUser}; the users get no password) and acts as one of them through the
 * {@link org.classreflect.core.school.Actor} that {@code actAs} gives, under the same access rules as the HTTP API.
 * These take no actor: the host process is trusted to call them.
 */
public record IdentityUseCases(UpsertSchool upsertSchool, UpsertUser upsertUser, ActAsHostUser actAs) {
}
