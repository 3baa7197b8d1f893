package vn.cong.ops.backup;

import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * The {@code backup} and {@code restore} commands' progress on standard error: a line when a step starts, then its
 * bytes and percentage at most every {@link #EVERY_MS} ms and once more when it ends; a step that counts nothing
 * (pg_restore, Flyway) says how long it has been running every {@link #QUIET_EVERY_MS} ms, so it visibly lives.
 */
final class ProgressLine implements Consumer<BackupProgress.Stage> {

    static final long EVERY_MS = 2000;
    static final long QUIET_EVERY_MS = 15000;

    private final PrintStream err;
    private String label = "";
    /** The step whose last line (100 %) was printed: its closing adds nothing. */
    private String endedLabel = "";
    private long labelSince;
    private long shownAt;

    ProgressLine(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void accept(BackupProgress.Stage stage) {
        long now = System.currentTimeMillis();
        boolean started = !stage.label().equals(label);
        boolean ended = stage.total() > 0 && stage.done() >= stage.total();
        if (ended && stage.label().equals(endedLabel)) {
            return;
        }
        String shown = stage.shown();
        if (started) {
            labelSince = now;
        }
        if (started || ended || now - shownAt >= (shown.isEmpty() ? QUIET_EVERY_MS : EVERY_MS)) {
            String how = shown.isEmpty() ? (started ? "" : " (" + (now - labelSince) / 1000 + " giây)") : ": " + bar(stage) + shown;
            err.println("  … " + stage.label() + how);
            err.flush();
            label = ended ? "" : stage.label();
            endedLabel = ended ? stage.label() : "";
            shownAt = now;
        }
    }

    private static String bar(BackupProgress.Stage stage) {
        if (stage.percent() < 0) {
            return "";
        }
        int filled = stage.percent() / 5;
        return "[" + "#".repeat(filled) + "-".repeat(20 - filled) + "] ";
    }
}
