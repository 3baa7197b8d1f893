package vn.cong.reports.imports.wordpress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.tenancy.Tenant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;

/**
 * The console's imports, run in the background so that its page can show a progress bar: the uploaded file is kept
 * in a temporary file (so a dry run can be followed by the import without uploading again), the job's progress and
 * report in memory on the node that ran it. The last {@value #KEPT} jobs are kept; older ones go with their files.
 */
@Singleton
public class WordPressImportJobs {

    private static final Logger LOG = LoggerFactory.getLogger(WordPressImportJobs.class);
    static final int KEPT = 20;

    private final WordPressImport imports;
    private final Scheduler blocking;
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    WordPressImportJobs(WordPressImport imports, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.imports = imports;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    /** One import as the console shows it. */
    public static final class Job {
        private final String id;
        private final String tenantCode;
        private final String fileName;
        private final Path file;
        private final WordPressImport.Options options;
        private volatile String step = "Chờ bắt đầu";
        private volatile int done;
        private volatile int total = 1;
        private volatile WordPressReport report;
        private volatile String failure;

        Job(String id, String tenantCode, String fileName, Path file, WordPressImport.Options options) {
            this.id = id;
            this.tenantCode = tenantCode;
            this.fileName = fileName;
            this.file = file;
            this.options = options;
        }

        public String id() {
            return id;
        }

        public String tenantCode() {
            return tenantCode;
        }

        public String fileName() {
            return fileName;
        }

        public boolean dryRun() {
            return options.dryRun();
        }

        public String slugMap() {
            return options.slugMap();
        }

        public String step() {
            return step;
        }

        public int done() {
            return done;
        }

        public int total() {
            return total;
        }

        public boolean finished() {
            return report != null || failure != null;
        }

        @Nullable
        public WordPressReport report() {
            return report;
        }

        /** Why the job stopped without a report (the cause is in the log). */
        @Nullable
        public String failure() {
            return failure;
        }
    }

    /** Keeps the uploaded file and starts a job on it; emits the job's id at once. */
    public Mono<String> start(Tenant tenant, String fileName, byte[] bytes, WordPressImport.Options options,
                              BiConsumer<Job, WordPressReport> whenDone) {
        return Mono.fromCallable(() -> {
                    Path file = Files.createTempFile("cong-wxr-", ".xml");
                    Files.write(file, bytes);
                    return file;
                })
                .subscribeOn(blocking)
                .map(file -> launch(tenant, new Job(UUID.randomUUID().toString(), tenant.code(), fileName, file, options), whenDone));
    }

    /** Runs the real import on the file a finished dry run read. Empty when there is no such dry run for this tenant. */
    public Optional<String> importAfterDryRun(Tenant tenant, String dryRunId, String source, BiConsumer<Job, WordPressReport> whenDone) {
        Job dry = find(tenant.code(), dryRunId).filter(j -> j.dryRun() && j.finished() && j.report() != null && !j.report().refused()).orElse(null);
        if (dry == null || !Files.exists(dry.file)) {
            return Optional.empty();
        }
        return Optional.of(launch(tenant, new Job(UUID.randomUUID().toString(), tenant.code(), dry.fileName, dry.file,
                new WordPressImport.Options(false, dry.slugMap(), source)), whenDone));
    }

    public synchronized Optional<Job> find(String tenantCode, String id) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.tenantCode.equals(tenantCode));
    }

    private String launch(Tenant tenant, Job job, BiConsumer<Job, WordPressReport> whenDone) {
        remember(job);
        imports.run(tenant, () -> Files.newInputStream(job.file), job.options, (step, done, total) -> {
                    job.step = step;
                    job.done = done;
                    job.total = Math.max(1, total);
                })
                .subscribe(report -> {
                    job.report = report;
                    whenDone.accept(job, report);
                }, error -> {
                    LOG.error("Tenant {}: WordPress import {} failed", job.tenantCode, job.id, error);
                    job.failure = "Việc nhập dừng vì lỗi hệ thống (đã ghi nhật ký, mã " + job.id + "). Nội dung được ghi trong một giao dịch nên không ghi nửa chừng; tệp ảnh đã tải được dùng lại ở lần chạy sau.";
                });
        return job.id;
    }

    private synchronized void remember(Job job) {
        jobs.put(job.id, job);
        while (jobs.size() > KEPT) {
            String oldest = jobs.keySet().iterator().next();
            Job gone = jobs.remove(oldest);
            if (jobs.values().stream().noneMatch(j -> j.file.equals(gone.file))) {
                delete(gone.file);
            }
        }
    }

    @PreDestroy
    synchronized void removeFiles() {
        jobs.values().forEach(j -> delete(j.file));
        jobs.clear();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }
}
