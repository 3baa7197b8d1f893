package vn.cong.ops.integrity;

import io.micronaut.context.ApplicationContext;
import vn.cong.tenancy.TenantRegistry;

import java.io.PrintStream;
import java.util.Map;

/**
 * {@code java -jar cong-platform.jar integrity [tenant-code]}: the integrity check on demand, with
 * the same checks and records as the daily one. Prints a readable report on standard output (logs
 * go to standard error). Exit codes: 0 nothing changed outside the workflow, 1 findings, 2 usage
 * (unknown tenant), 3 the check could not run.
 */
public final class IntegrityCommand {

    static final int CLEAN = 0;
    static final int FINDINGS = 1;
    static final int USAGE_ERROR = 2;
    static final int FAILED = 3;

    private IntegrityCommand() {
    }

    public static boolean handles(String command) {
        return "integrity".equals(command);
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 2 || args.length == 2 && args[1].startsWith("-")) {
            err.println("Cách dùng: java -jar cong-platform.jar integrity [mã-cổng]");
            return USAGE_ERROR;
        }
        String tenant = args.length == 2 ? args[1] : null;
        try (ApplicationContext context = vn.cong.system.CommandContext.start()) {
            if (tenant != null && context.getBean(TenantRegistry.class).findByCode(tenant).isEmpty()) {
                err.println("Không có cổng mã «" + tenant + "».");
                return USAGE_ERROR;
            }
            IntegrityRun run = context.getBean(IntegrityCheck.class).run(IntegrityCheck.Trigger.COMMAND, tenant, userName()).block();
            if (run == null) {
                err.println("Không chạy được kiểm tra toàn vẹn.");
                return FAILED;
            }
            IntegrityReport.print(run, out);
            out.flush();
            return switch (run.status()) {
                case "clean" -> CLEAN;
                case "findings" -> FINDINGS;
                default -> FAILED;
            };
        }
    }

    private static String userName() {
        return "cli:" + System.getProperty("user.name", "?");
    }
}
