package vn.cong.ops.backup;

import jakarta.inject.Singleton;
import vn.cong.media.SizeText;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * How far the long step of a tenant's backup, verification or restore has gone on this node, in bytes: what the
 * console's backup pages and the {@code backup}/{@code restore} commands show while a large tenant's media is
 * copied or checked. Keyed by tenant: the {@code backups} executor works on one step of a tenant at a time, and a
 * restore's safety backup shows as that tenant's steps too. Live only while the step runs; the run's phase on its
 * row is what other nodes see.
 */
@Singleton
public class BackupProgress {

    /** One step as it stands: its label, bytes done and bytes in all (0 when not known in advance, as for pg_dump). */
    public record Stage(String tenantCode, String label, long done, long total) {

        /** 0–100, or -1 when the total is not known. */
        public int percent() {
            return total <= 0 ? -1 : (int) Math.min(100, done * 100 / total);
        }

        /** "812,5 MB / 2.048 MB (39 %)"; "812,5 MB" when the total is not known; "" when nothing is counted. */
        public String shown() {
            if (total <= 0) {
                return done == 0 ? "" : SizeText.of(done);
            }
            return SizeText.of(done) + " / " + SizeText.of(total) + " (" + percent() + " %)";
        }
    }

    /** A size as the console and the commands show it ("2.048 MB"). */
    public static String sizeOf(long bytes) {
        return SizeText.of(bytes);
    }

    private final ConcurrentMap<String, Meter> live = new ConcurrentHashMap<>();
    private final List<Consumer<Stage>> listeners = new CopyOnWriteArrayList<>();

    /** Starts a step of {@code tenantCode} whose done bytes are counted with {@link Meter#add}. */
    public Meter start(String tenantCode, String label, long total) {
        return register(new Meter(this, tenantCode, label, total, null));
    }

    /** Starts a step whose done bytes are measured when asked (the size of the file pg_dump is writing). */
    public Meter measure(String tenantCode, String label, LongSupplier done) {
        return register(new Meter(this, tenantCode, label, 0, done));
    }

    /** The step of the tenant under way on this node, if any. */
    public Optional<Stage> of(String tenantCode) {
        return Optional.ofNullable(live.get(tenantCode)).map(Meter::stage);
    }

    /** Hears every step start, every count and every step end (the command line prints them). */
    public AutoCloseable listen(Consumer<Stage> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private Meter register(Meter meter) {
        live.put(meter.tenantCode, meter);
        tell(meter.stage());
        return meter;
    }

    private void tell(Stage stage) {
        listeners.forEach(l -> l.accept(stage));
    }

    /** Counts one step's bytes; closing it ends the step (the tenant shows no step until the next starts). */
    public static final class Meter implements AutoCloseable {

        private final BackupProgress progress;
        private final String tenantCode;
        private final String label;
        private final long total;
        private final LongSupplier measured;
        private final AtomicLong done = new AtomicLong();

        private Meter(BackupProgress progress, String tenantCode, String label, long total, LongSupplier measured) {
            this.progress = progress;
            this.tenantCode = tenantCode;
            this.label = label;
            this.total = total;
            this.measured = measured;
        }

        /** Adds {@code bytes} done. */
        public void add(long bytes) {
            done.addAndGet(bytes);
            progress.tell(stage());
        }

        Stage stage() {
            return new Stage(tenantCode, label, measured == null ? done.get() : measured.getAsLong(), total);
        }

        @Override
        public void close() {
            Stage last = stage();
            progress.live.remove(tenantCode, this);
            progress.tell(last);
        }
    }
}
