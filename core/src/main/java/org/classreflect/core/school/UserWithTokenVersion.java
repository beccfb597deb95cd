package org.classreflect.core.school;

/** A user and their current token version ({@link Users#tokenVersion}), as one read gives them. */
public record UserWithTokenVersion(User user, long tokenVersion) {
}
