package org.classreflect.adapters.sql;

import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.Jdbi;

/** The two kinds of database the store runs on: they differ only in how text is searched. */
enum SqlProduct {
    /** Embedded H2 in MySQL mode: no full-text index, so an index of words kept by triggers (V11). */
    H2,
    /** MySQL, Aurora MySQL or MariaDB: a word index in listing order (V23), word lists (V21), FULLTEXT (V11). */
    MYSQL;

    static SqlProduct of(Jdbi jdbi) {
        try {
            return jdbi.withHandle(h -> of(h.getConnection()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }

    static SqlProduct of(Connection connection) throws SQLException {
        String name = connection.getMetaData().getDatabaseProductName();
        return name.equalsIgnoreCase("H2") ? H2 : MYSQL;
    }
}
