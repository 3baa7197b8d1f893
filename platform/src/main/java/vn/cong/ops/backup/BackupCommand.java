package vn.cong.ops.backup;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import reactor.core.publisher.Mono;
import vn.cong.ops.OperatorActor;
import vn.cong.ops.OperatorAudit;
import vn.cong.system.CommandContext;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Backups from the command line, for the operator of a large tenant who wants to watch one go:
 * {@code backup <code>} takes a backup and verifies it (a scratch restore), {@code restore <code> <backup-id>} restores
 * that backup into the same tenant after a safety backup. Each step and its bytes go to standard error as it runs;
 * the result is one JSON object on standard output. Exit codes: 0 done (and verified), 1 failed or refused, 2 usage.
 */
public final class BackupCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE_ERROR = 2;

    private static final String USAGE = """
            Cách dùng:
              java -jar cong-platform.jar backup <mã-cổng>                   sao lưu rồi kiểm chứng (khôi phục thử)
              java -jar cong-platform.jar restore <mã-cổng> <số-bản-sao-lưu>  khôi phục vào chính cổng (sau bản sao lưu an toàn)
            """;

    private BackupCommand() {
    }

    public static boolean handles(String command) {
        return "backup".equals(command) || "restore".equals(command);
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean usable = "backup".equals(args[0]) ? args.length == 2 : args.length == 3 && args[2].matches("\\d{1,18}");
        if (!usable) {
            err.print(USAGE);
            return USAGE_ERROR;
        }
        try (ApplicationContext context = CommandContext.start()) {
            Tenant tenant = context.getBean(TenantRegistry.class).findByCode(args[1]).orElse(null);
            if (tenant == null) {
                err.println("Không có cổng mã «" + args[1] + "».");
                return USAGE_ERROR;
            }
            OperatorActor who = new OperatorActor("cli:" + System.getProperty("user.name", "?"), null, OperatorActor.Channel.API);
            ProgressLine line = new ProgressLine(err);
            BackupProgress progress = context.getBean(BackupProgress.class);
            try (AutoCloseable listening = progress.listen(line)) {
                Map<String, Object> result = "backup".equals(args[0])
                        ? backup(context, tenant, who, err, line)
                        : restore(context, tenant, Long.parseLong(args[2]), who, err, line);
                out.println(context.getBean(JsonMapper.class).writeValueAsString(result));
                out.flush();
                return Boolean.TRUE.equals(result.remove("ok")) ? OK : FAILED;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                err.println("Không xong: " + e.getMessage());
                return FAILED;
            }
        }
    }

    private static Map<String, Object> backup(ApplicationContext context, Tenant tenant, OperatorActor who, PrintStream err,
                                              ProgressLine line) throws Exception {
        long started = System.nanoTime();
        err.println("Sao lưu cổng " + tenant.code() + " …");
        BackupRun run = watch(context.getBean(TenantBackups.class).backup(tenant, "manual"), tenant, context, line);
        context.getBean(OperatorAudit.class).record(who, "ops.backup.start", tenant.code(),
                "succeeded".equals(run.status()) ? OperatorAudit.Outcome.OK : OperatorAudit.Outcome.FAILED, Map.of("backup", run.id())).block();
        long backupMs = (System.nanoTime() - started) / 1_000_000;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tenant", tenant.code());
        result.put("backup", run.id());
        result.put("status", run.status());
        result.put("path", run.path());
        result.put("sizeBytes", run.sizeBytes());
        result.put("backupMillis", backupMs);
        if (!"succeeded".equals(run.status())) {
            result.put("error", run.error());
            result.put("ok", false);
            return result;
        }
        err.println("Đã sao lưu (bản #" + run.id() + ", " + BackupProgress.sizeOf(run.sizeBytes()) + "). Kiểm chứng …");
        long verifying = System.nanoTime();
        BackupRun verified = watch(context.getBean(BackupVerification.class).verify(tenant, run.id()), tenant, context, line);
        result.put("verification", verified.verificationStatus());
        result.put("verificationDetail", verified.verificationDetail());
        result.put("verificationMillis", (System.nanoTime() - verifying) / 1_000_000);
        result.put("ok", "passed".equals(verified.verificationStatus()));
        return result;
    }

    private static Map<String, Object> restore(ApplicationContext context, Tenant tenant, long backupId, OperatorActor who, PrintStream err,
                                               ProgressLine line) throws Exception {
        long started = System.nanoTime();
        RestoreRequest request = new RestoreRequest("same", null, null, tenant.code(), null, null);
        BackupJobs.Started start = context.getBean(BackupJobs.class).restore(tenant, backupId, request, who.name()).block();
        Map<String, Object> details = Map.of("backup", backupId, "into", "same", "target", tenant.code());
        OperatorAudit audit = context.getBean(OperatorAudit.class);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tenant", tenant.code());
        result.put("backup", backupId);
        if (start.run() == null) {
            audit.record(who, "ops.backup.restore", tenant.code(), OperatorAudit.Outcome.REFUSED, details).block();
            start.errors().forEach(e -> err.println("  " + e.message()));
            result.put("status", "refused");
            result.put("ok", false);
            return result;
        }
        audit.record(who, "ops.backup.restore", tenant.code(), OperatorAudit.Outcome.OK, details).block();
        err.println("Khôi phục bản #" + backupId + " vào cổng " + tenant.code() + " (lần khôi phục " + start.run().id() + ") …");
        BackupHistory history = context.getBean(BackupHistory.class);
        Mono<RestoreRun> finished = Mono.defer(() -> history.restore(tenant.code(), start.run().id()))
                .filter(r -> !r.running())
                .repeatWhenEmpty(tries -> tries.delayElements(Duration.ofMillis(500)));
        RestoreRun done = watch(finished, tenant, context, line);
        result.put("restore", done.id());
        result.put("status", done.status());
        result.put("safetyBackup", done.safetyRunId());
        result.put("error", done.error());
        result.put("restoreMillis", (System.nanoTime() - started) / 1_000_000);
        result.put("ok", "succeeded".equals(done.status()));
        return result;
    }

    /** Waits for {@code work}, showing the tenant's step (pg_dump's growing file too) every half second meanwhile. */
    private static <T> T watch(Mono<T> work, Tenant tenant, ApplicationContext context, ProgressLine line)
            throws InterruptedException, ExecutionException {
        BackupProgress progress = context.getBean(BackupProgress.class);
        CompletableFuture<T> done = work.toFuture();
        while (true) {
            try {
                return done.get(500, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                progress.of(tenant.code()).ifPresent(line);
            }
        }
    }
}
