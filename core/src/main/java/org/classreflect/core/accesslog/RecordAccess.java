package org.classreflect.core.accesslog;

import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;
import org.classreflect.core.common.Ids;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.Credentials;
import org.classreflect.core.school.Users;
import org.classreflect.core.template.Templates;

/**
 * Writes one access log entry: whose data the named thing is (its school and teacher) is looked up now and kept with
 * the entry, so the entry can be shown to the right people after the thing itself is gone.
 */
public final class RecordAccess {

    /**
     * The thing acted on. {@code schoolId} and {@code teacherId}, when given, say whose data it is without a look-up
     * (for a thing that is gone by the time the entry is written); null: looked up.
     */
    public record Target(TargetKind kind, String id, String schoolId, String teacherId) {

        public Target {
            Objects.requireNonNull(kind, "kind");
        }

        public Target(TargetKind kind, String id) {
            this(kind, id, null, null);
        }

        public static Target recording(String id) {
            return new Target(TargetKind.RECORDING, id);
        }

        public static Target user(String id) {
            return new Target(TargetKind.USER, id);
        }

        public static Target school(String id) {
            return new Target(TargetKind.SCHOOL, id);
        }
    }

    /** @param fromAddress the client's address (null when not over a network) @param detail a short note, or null */
    public record Event(AccessAction action, Target target, String fromAddress, String detail) {

        public Event {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(target, "target");
        }
    }

    /** An email is at most 254 characters; anything longer is cut, so a guess cannot flood the log. */
    private static final int MAX_EMAIL_SHOWN = 254;

    private final AccessLog log;
    private final Recordings recordings;
    private final Users users;
    private final Templates templates;
    private final Clock clock;

    @Inject
    public RecordAccess(AccessLog log, Recordings recordings, Users users, Templates templates, Clock clock) {
        this.log = log;
        this.recordings = recordings;
        this.users = users;
        this.templates = templates;
        this.clock = clock;
    }

    public void execute(Actor actor, Event event) {
        execute(Ids.newId(), actor, event);
    }

    /** With an id the caller chose: a step that may run again (an erasure resumed) appends its entry once. */
    public void execute(String entryId, Actor actor, Event event) {
        Owner owner = ownerOf(event.target());
        log.append(new AccessEntry(entryId, clock.instant(), actor.userId(), actor.role(), actor.schoolId(),
                event.action(), event.target().kind(), event.target().id(), owner.schoolId(), owner.teacherId(),
                event.fromAddress(), event.detail()));
    }

    /**
     * A sign-in that was refused: by no one, from {@code fromAddress}, noting the email given (never the password)
     * and why. When the email is an account's, the entry names that account, so its school's managers see it too.
     */
    public void signInFailed(String emailGiven, String fromAddress, String reason) {
        String email = Credentials.normaliseEmail(emailGiven);
        String shown = email.length() > MAX_EMAIL_SHOWN ? email.substring(0, MAX_EMAIL_SHOWN) + "…" : email;
        Target target = users.findByEmail(email).map(u -> new Target(TargetKind.USER, u.id(), u.schoolId(), u.id()))
                .orElse(new Target(TargetKind.SYSTEM, null));
        Owner owner = ownerOf(target);
        log.append(new AccessEntry(Ids.newId(), clock.instant(), AccessEntry.NO_ONE, null, null,
                AccessAction.SIGN_IN_FAILED, target.kind(), target.id(), owner.schoolId(), owner.teacherId(),
                fromAddress, "email given: " + shown + "; " + reason));
    }

    private record Owner(String schoolId, String teacherId) {
    }

    private Owner ownerOf(Target target) {
        if (target.schoolId() != null || target.teacherId() != null) {
            return new Owner(target.schoolId(), target.teacherId());
        }
        if (target.id() == null) {
            return new Owner(null, null);
        }
        return switch (target.kind()) {
            case RECORDING -> recordings.find(target.id()).map(r -> new Owner(r.schoolId(), r.teacherId()))
                    .orElse(new Owner(null, null));
            case USER -> users.find(target.id()).map(u -> new Owner(u.schoolId(), u.id()))
                    .orElse(new Owner(null, null));
            case SCHOOL -> new Owner(target.id(), null);
            case TEMPLATE -> templates.latest(target.id()).map(t -> new Owner(t.schoolId(), null))
                    .orElse(new Owner(null, null));
            case SYSTEM -> new Owner(null, null);
        };
    }
}
