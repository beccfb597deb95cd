package org.classreflect.core.school;

/** Port: one-way password hashing with a slow, salted algorithm. */
public interface PasswordHasher {

    String hash(String password);

    boolean verify(String password, String hash);
}
