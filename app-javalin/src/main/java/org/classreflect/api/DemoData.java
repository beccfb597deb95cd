package org.classreflect.api;

import java.util.List;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.CreateSchool;
import org.classreflect.core.school.CreateUser;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.School;
import org.classreflect.core.school.Schools;
import org.classreflect.core.school.Users;

/** The --demo option: a demo school with a manager and a teacher, created once, with passwords that are shown. */
final class DemoData {

    static final String SCHOOL = "Demo School";
    static final String PASSWORD = "kettle-orbit-lantern-moss";

    record Account(String email, String role) {
    }

    private DemoData() {
    }

    static List<Account> ensure(ApiComponent app) {
        Schools schools = app.schools();
        Users users = app.users();
        School school = schools.findByName(SCHOOL).orElseGet(
                () -> app.createSchool().execute(Actor.SYSTEM, new CreateSchool.Command(SCHOOL)).orElseThrow());
        List<Account> accounts = List.of(new Account("manager@demo.school", Role.SCHOOL_MANAGER.wireName()),
                new Account("teacher@demo.school", Role.TEACHER.wireName()));
        for (Account a : accounts) {
            if (users.findByEmail(a.email()).isEmpty()) {
                Role role = Role.fromWireName(a.role()).orElseThrow();
                String name = role == Role.TEACHER ? "Demo Teacher" : "Demo Manager";
                app.createUser().execute(Actor.SYSTEM,
                        new CreateUser.Command(a.email(), name, role, school.id(), PASSWORD)).orElseThrow();
            }
        }
        return accounts;
    }
}
