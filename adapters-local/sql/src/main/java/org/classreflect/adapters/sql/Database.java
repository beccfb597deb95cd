package org.classreflect.adapters.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.classreflect.core.common.OwnerOnly;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/** A bounded connection pool on a migrated schema. The same code serves embedded H2 and a MySQL-protocol server. */
public final class Database implements AutoCloseable {

    public static final int DEFAULT_POOL_SIZE = 10;
    private static final String H2_MYSQL = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE";
    /**
     * Connector/J's defaults parse every statement's text afresh and ask the server for session state the pool already
     * knows: a list request spent more time in the driver than in MariaDB. These are HikariCP's recommended settings
     * for MySQL, minus server-side prepared statements; one the JDBC URL sets is left to the URL.
     */
    private static final Map<String, String> MYSQL_DRIVER_SETTINGS = Map.of(
            "cachePrepStmts", "true",
            "prepStmtCacheSize", "250",
            "prepStmtCacheSqlLimit", "2048",
            "useLocalSessionState", "true",
            "cacheResultSetMetadata", "true",
            "cacheServerConfiguration", "true",
            "elideSetAutoCommits", "true",
            "maintainTimeStats", "false");

    private final AutoCloseable pool;
    private final Jdbi jdbi;

    private Database(DataSource dataSource, AutoCloseable pool) {
        this.pool = pool;
        this.jdbi = Jdbi.create(dataSource);
    }

    /**
     * ClassReflect's tables in a database the host already has and pools itself (MySQL, Aurora MySQL, MariaDB or H2
     * in MySQL mode): migrated on the spot; closing this leaves the host's data source open.
     */
    public static Database on(DataSource dataSource) {
        migrate(dataSource);
        return new Database(dataSource, () -> { });
    }

    public static Database connect(String jdbcUrl, String user, String password, int maxPoolSize) {
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxPoolSize);
        config.setMinimumIdle(1);
        config.setPoolName("classreflect-db");
        driverSettings(jdbcUrl).forEach(config::addDataSourceProperty);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, dataSource);
    }

    /** The driver settings the pool adds to a MySQL URL: those the URL does not name itself. */
    static Map<String, String> driverSettings(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:mysql:")) {
            return Map.of();
        }
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        return MYSQL_DRIVER_SETTINGS.entrySet().stream()
                .filter(setting -> !url.contains(setting.getKey().toLowerCase(Locale.ROOT) + "="))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static void migrate(DataSource dataSource) {
        Migrations.on(dataSource).migrate();
    }

    /**
     * An H2 database kept in files under {@code dataDir/db}, for running on one machine without a server. H2 writes
     * committed transactions to disk after a delay by default, so a killed process lost its last second of work;
     * WRITE_DELAY=0 makes every commit durable before it returns. Migrations are made safe to kill first
     * ({@link EmbeddedMigrations}).
     */
    public static Database embedded(Path dataDir) {
        Path dbDir = dataDir.toAbsolutePath().resolve("db");
        ownerOnly(dbDir);
        String settings = H2_MYSQL + ";WRITE_DELAY=0";
        new EmbeddedMigrations(dbDir, settings).prepare();
        String path = dbDir.resolve(EmbeddedMigrations.NAME).toString();
        Database database = connect("jdbc:h2:file:" + path + settings, "sa", "", DEFAULT_POOL_SIZE);
        ownerOnlyFiles(dbDir); // H2 creates its files with the umask's mode: make those 0600 as well
        return database;
    }

    /** The database directory is 0700 before H2 opens it, so whatever H2 creates inside is the owner's only. */
    private static void ownerOnly(Path dbDir) {
        try {
            OwnerOnly.directories(dbDir);
            OwnerOnly.restrict(dbDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database directory " + dbDir, e);
        }
    }

    private static void ownerOnlyFiles(Path dbDir) {
        if (!dbDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try (Stream<Path> files = Files.list(dbDir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.setPosixFilePermissions(f, OwnerOnly.FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the database files in " + dbDir, e);
        }
    }

    /** A private in-memory H2 database, for tests. It lives until the JVM exits. */
    public static Database inMemory() {
        String name = "classreflect-" + UUID.randomUUID();
        return connect("jdbc:h2:mem:" + name + H2_MYSQL + ";DB_CLOSE_DELAY=-1", "sa", "", DEFAULT_POOL_SIZE);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The connection pool's figures, when this database pools its own connections (not {@link #on}). */
    public Optional<HikariPoolMXBean> pool() {
        return pool instanceof HikariDataSource hikari ? Optional.ofNullable(hikari.getHikariPoolMXBean())
                : Optional.empty();
    }

    @Override
    public void close() {
        try {
            pool.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close the connection pool", e);
        }
    }
}
