package org.classreflect.core.inmemory;

import static org.classreflect.core.inmemory.ConstraintViolationException.require;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.User;
import org.classreflect.core.school.UserWithTokenVersion;
import org.classreflect.core.school.Users;

/** Users in memory: emails and external ids unique, each user's school must exist, listed by email. */
final class InMemoryUsers implements Users {

    private static final Comparator<User> BY_EMAIL = Comparator.comparing(User::email, BinaryCollation.ORDER);

    private final StoreLock lock;
    private final InMemorySchools schools;
    private final Map<String, User> byId = new HashMap<>();
    private final Map<String, Long> tokenVersions = new HashMap<>();

    InMemoryUsers(StoreLock lock, InMemorySchools schools) {
        this.lock = lock;
        this.schools = schools;
    }

    @Override
    public void insert(User user) {
        lock.write(() -> add(user));
    }

    @Override
    public void insertAll(List<User> users) {
        lock.write(() -> {
            List<String> added = new ArrayList<>();
            try {
                for (User user : users) {
                    add(user);
                    added.add(user.id());
                }
            } catch (RuntimeException e) {
                added.forEach(byId::remove);
                throw e;
            }
        });
    }

    @Override
    public void update(User user) {
        lock.write(() -> {
            if (byId.containsKey(user.id())) {
                requireValid(user);
                byId.put(user.id(), stored(user));
            }
        });
    }

    @Override
    public Optional<User> find(String id) {
        return lock.read(() -> Optional.ofNullable(byId.get(id)));
    }

    @Override
    public Optional<UserWithTokenVersion> findWithTokenVersion(String id) {
        return lock.read(() -> Optional.ofNullable(byId.get(id))
                .map(user -> new UserWithTokenVersion(user, tokenVersions.getOrDefault(id, 0L))));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return lock.read(() -> byId.values().stream().filter(u -> u.email().equals(email)).findFirst());
    }

    @Override
    public Optional<User> findByExternalId(String externalId) {
        return lock.read(() -> byId.values().stream()
                .filter(u -> u.externalId() != null && u.externalId().equals(externalId)).findFirst());
    }

    @Override
    public List<User> list(String schoolId) {
        return lock.read(() -> byId.values().stream()
                .filter(u -> schoolId == null || schoolId.equals(u.schoolId()))
                .sorted(BY_EMAIL)
                .toList());
    }

    @Override
    public boolean anyWithRole(Role role) {
        return lock.read(() -> byId.values().stream().anyMatch(u -> u.role() == role));
    }

    @Override
    public long tokenVersion(String userId) {
        return lock.read(() -> tokenVersions.getOrDefault(userId, 0L));
    }

    @Override
    public void bumpTokenVersion(String userId) {
        lock.write(() -> {
            if (byId.containsKey(userId)) {
                tokenVersions.merge(userId, 1L, Long::sum);
            }
        });
    }

    /** The caller holds the lock. */
    boolean has(String id) {
        return byId.containsKey(id);
    }

    /** The caller holds the lock, and reads the view only while it does. */
    Collection<User> rows() {
        return Collections.unmodifiableCollection(byId.values());
    }

    private void add(User user) {
        require(!byId.containsKey(user.id()), "users: id " + user.id() + " is taken");
        requireValid(user);
        byId.put(user.id(), stored(user));
    }

    private void requireValid(User user) {
        require(user.schoolId() == null || schools.has(user.schoolId()),
                "users: no school " + user.schoolId());
        require(byId.values().stream().noneMatch(u -> u.email().equals(user.email()) && !u.id().equals(user.id())),
                "users: email " + user.email() + " is taken");
        require(user.externalId() == null || byId.values().stream()
                        .noneMatch(u -> user.externalId().equals(u.externalId()) && !u.id().equals(user.id())),
                "users: external id " + user.externalId() + " is taken");
    }

    private static User stored(User u) {
        return new User(u.id(), u.schoolId(), u.email(), u.displayName(), u.role(), u.passwordHash(), u.active(),
                u.mustChangePassword(), Millis.of(u.createdAt()), u.externalId());
    }

    /** The caller holds the lock. */
    void remove(String id) {
        byId.remove(id);
        tokenVersions.remove(id);
    }
}
