package org.classreflect.core.school;

import java.util.List;
import java.util.Optional;

/** Port: where users are kept. Emails are unique (lower-cased before they get here). */
public interface Users {

    void insert(User user);

    /** Inserts all or none: when one cannot be stored (say, its email is taken by now), nothing is. */
    void insertAll(List<User> users);

    void update(User user);

    Optional<User> find(String id);

    /** The user with their {@linkplain #tokenVersion token version}, read together (a request's sign-in check). */
    Optional<UserWithTokenVersion> findWithTokenVersion(String id);

    Optional<User> findByEmail(String email);

    /** The user an embedding host knows by this id of its own; external ids are unique among users. */
    Optional<User> findByExternalId(String externalId);

    /** Users of one school, or of every school when {@code schoolId} is null. */
    List<User> list(String schoolId);

    boolean anyWithRole(Role role);

    /**
     * The user's token version: access and API tokens carry the version current when they were issued and stop
     * working once it is bumped. 0 for a new user, and for an unknown id. {@link #update} never changes it.
     */
    long tokenVersion(String userId);

    /** Raises the user's token version by one (atomically), so every token issued so far stops working. */
    void bumpTokenVersion(String userId);
}
