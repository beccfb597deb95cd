package org.classreflect.adapters.aws.secrets;

import java.util.Objects;

/**
 * The database credentials secret as RDS and Aurora keep it:
 * {@code {"engine":"mysql","host":"...","port":3306,"username":"...","password":"...","dbname":"classreflect"}}.
 */
public record DatabaseSecret(String engine, String host, int port, String username, String password, String dbname) {

    public DatabaseSecret {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(dbname, "dbname");
    }

    /** A Connector/J URL: Aurora MySQL and MariaDB both speak the MySQL protocol. */
    public String jdbcUrl() {
        return "jdbc:mysql://" + host + ":" + port + "/" + dbname;
    }

    @Override
    public String toString() {
        return "DatabaseSecret[" + engine + "://" + username + "@" + host + ":" + port + "/" + dbname + "]";
    }
}
