package vn.cong.ops.backup;

import jakarta.inject.Singleton;
import vn.cong.tenancy.DatabaseConfiguration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs pg_dump and pg_restore against the platform's database. Blocking: call off the event loop. */
@Singleton
public class PgTools {

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

    private final BackupConfiguration config;
    private final DatabaseConfiguration db;

    public PgTools(BackupConfiguration config, DatabaseConfiguration db) {
        this.config = config;
        this.db = db;
    }

    /** The major version of pg_dump, or empty when it cannot be run. */
    public Optional<Integer> pgDumpMajorVersion() {
        try {
            String out = run(List.of(config.pgDump(), "--version"), 30);
            Matcher m = VERSION.matcher(out);
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (BackupFailure e) {
            return Optional.empty();
        }
    }

    /** Dumps one schema in custom format, from an exported snapshot so the dump matches the counts taken in it. */
    public void dumpSchema(String schema, String snapshot, Path file) {
        dumpSchemaFrom(db.name(), schema, snapshot, file);
    }

    public void dumpSchemaFrom(String database, String schema, String snapshot, Path file) {
        dumpSchema(new DatabaseConfiguration(db.host(), db.port(), database, db.user(), db.password(), false), schema, snapshot, file);
    }

    /** Dumps one schema of the database {@code where} (a tenant's cluster, {@code DatabaseClusters#jdbc}). */
    public void dumpSchema(DatabaseConfiguration where, String schema, String snapshot, Path file) {
        run(List.of(config.pgDump(), "--format=custom", "--no-owner", "--no-privileges", "--schema=" + schema,
                "--snapshot=" + snapshot, "--file=" + file, connection(where)), 3600, where.password());
    }

    public void restore(Path file, String database) {
        restoreInto(file, new DatabaseConfiguration(db.host(), db.port(), database, db.user(), db.password(), false));
    }

    /**
     * pg_restore of a custom-format dump into the database {@code where} (a tenant's cluster), with {@code restoreJobs}
     * parallel jobs and {@code restoreMaintenanceWorkMem} for its index builds: the same objects, data and indexes as a
     * single-session restore, in less time when cores are free.
     */
    public void restoreInto(Path file, DatabaseConfiguration where) {
        run(restoreCommand(file, where), 3600, where.password(), restoreSessionOptions());
    }

    List<String> restoreCommand(Path file, DatabaseConfiguration where) {
        List<String> command = new ArrayList<>(List.of(config.pgRestore(), "--no-owner", "--no-privileges", "--exit-on-error"));
        if (config.restoreJobs() > 1) {
            command.add("--jobs=" + config.restoreJobs());
        }
        command.add("--dbname=" + connection(where));
        command.add(file.toString());
        return command;
    }

    /** {@code PGOPTIONS} of pg_restore's sessions: settings of those sessions alone, never of the server. */
    String restoreSessionOptions() {
        String memory = maintenanceWorkMem();
        return memory.isEmpty() ? "" : "-c maintenance_work_mem=" + memory;
    }

    /** {@code cong.backup.restore-maintenance-work-mem}, checked ({@code 256MB}); empty: the server's own. */
    String maintenanceWorkMem() {
        String memory = config.restoreMaintenanceWorkMem();
        if (memory == null || memory.isBlank()) {
            return "";
        }
        if (!memory.strip().matches("[0-9]+\\s*(kB|MB|GB)?")) {
            throw new BackupFailure("cong.backup.restore-maintenance-work-mem is not a memory size: " + memory);
        }
        return memory.strip().replace(" ", "");
    }

    private static String connection(DatabaseConfiguration where) {
        return "postgresql://" + where.user() + "@" + where.host() + ":" + where.port() + "/" + where.name();
    }

    private String run(List<String> command, int timeoutSeconds) {
        return run(command, timeoutSeconds, db.password());
    }

    private String run(List<String> command, int timeoutSeconds, String password) {
        return run(command, timeoutSeconds, password, "");
    }

    private String run(List<String> command, int timeoutSeconds, String password, String sessionOptions) {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        if (!password.isEmpty()) {
            pb.environment().put("PGPASSWORD", password);
        }
        if (!sessionOptions.isEmpty()) {
            String inherited = pb.environment().getOrDefault("PGOPTIONS", "");
            pb.environment().put("PGOPTIONS", (inherited + " " + sessionOptions).strip());
        }
        try {
            Process p = pb.start();
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new BackupFailure(command.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new BackupFailure(command.get(0) + " exited with " + p.exitValue() + ": " + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new BackupFailure("Cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupFailure("Interrupted while running " + command.get(0));
        }
    }
}
