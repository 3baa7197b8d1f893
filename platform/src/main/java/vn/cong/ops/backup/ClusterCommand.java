package vn.cong.ops.backup;

import io.micronaut.context.ApplicationContext;
import vn.cong.ops.OperatorActor;
import vn.cong.tenancy.DatabaseClusters;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Database clusters from the command line:
 * {@code clusters} lists them (with their tenants), {@code add-cluster <name> <user@host:port/database> [label]}
 * registers one, {@code move-tenant <code> <cluster>} moves a tenant there and prints each phase as it goes, then the
 * result (rows copied, how long writes were refused). Exit codes: 0 done, 1 refused or failed, 2 usage.
 * Run it while the platform's nodes are up: they learn of the switch through the registry nudge.
 */
public final class ClusterCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE_ERROR = 2;

    private static final String USAGE = """
            Cách dùng:
              java -jar cong-platform.jar clusters
              java -jar cong-platform.jar add-cluster <tên> <người_dùng@máy:cổng/cơ_sở_dữ_liệu> [nhãn]
              java -jar cong-platform.jar move-tenant <mã-cổng> <tên-cụm>
            """;

    private ClusterCommand() {
    }

    public static boolean handles(String command) {
        return "clusters".equals(command) || "add-cluster".equals(command) || "move-tenant".equals(command);
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean usable = switch (args[0]) {
            case "clusters" -> args.length == 1;
            case "add-cluster" -> args.length == 3 || args.length == 4;
            case "move-tenant" -> args.length == 3;
            default -> false;
        };
        if (!usable) {
            err.print(USAGE);
            return USAGE_ERROR;
        }
        try (ApplicationContext context = vn.cong.system.CommandContext.start()) {
            return switch (args[0]) {
                case "clusters" -> list(context, out);
                case "add-cluster" -> add(context, args, out, err);
                default -> move(context, args[1], args[2], out, err);
            };
        }
    }

    private static int list(ApplicationContext context, PrintStream out) {
        var views = context.getBean(ClusterOverview.class).clusters().block();
        for (var c : views) {
            out.printf("%-12s %-40s %4d cổng%s%s  %s%n", c.name(), c.address(), c.tenants(), c.defaultForNew() ? "  [mặc định cho cổng mới]" : "",
                    c.acceptsNew() ? "" : "  [không nhận cổng mới]", c.label());
        }
        out.flush();
        return OK;
    }

    private static int add(ApplicationContext context, String[] args, PrintStream out, PrintStream err) {
        try {
            var added = context.getBean(DatabaseClusters.class).add(args[1], args[2], args.length == 4 ? args[3] : null, true).block();
            out.println("Đã thêm cụm " + added.name() + " (" + added.host() + ":" + added.port() + "/" + added.database()
                    + "). Mật khẩu (nếu có): cong.clusters.passwords." + added.name() + " trên mọi nút.");
            return OK;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return FAILED;
        }
    }

    private static int move(ApplicationContext context, String code, String target, PrintStream out, PrintStream err) {
        Tenant tenant = context.getBean(TenantRegistry.class).findByCode(code).orElse(null);
        if (tenant == null) {
            err.println("Không có cổng mã «" + code + "».");
            return USAGE_ERROR;
        }
        TenantMoves moves = context.getBean(TenantMoves.class);
        OperatorActor who = new OperatorActor("cli:" + System.getProperty("user.name", "?"), null, OperatorActor.Channel.API);
        TenantMoves.Move started;
        try {
            started = moves.start(tenant, target, who).block();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return FAILED;
        }
        out.println("Chuyển cổng " + code + " từ cụm «" + started.from() + "» sang «" + target + "» (lần chuyển " + started.id() + ")");
        CompletableFuture<TenantMoves.Move> done = moves.run(started, who).toFuture();
        String shown = "";
        try {
            while (!done.isDone()) {
                TenantMoves.Move now = moves.find(started.id()).block(Duration.ofSeconds(10));
                if (now != null && !now.phase().equals(shown)) {
                    shown = now.phase();
                    out.println("  … " + now.phaseVi());
                    out.flush();
                }
                try {
                    done.get(200, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // still running
                }
            }
            TenantMoves.Move result = done.get();
            if ("done".equals(result.status())) {
                out.println("Xong: " + result.rowsCopied() + " dòng, khoá ghi " + result.readOnlyMs() + " ms"
                        + (result.oldSchema() == null || result.oldSchema().isEmpty() ? ", bản cũ đã xoá" : ", bản cũ giữ lại là " + result.oldSchema())
                        + (result.error() == null ? "" : " (lưu ý: " + result.error() + ")"));
                out.flush();
                return OK;
            }
            err.println("Không chuyển được: " + result.error() + ". Cổng vẫn ở cụm «" + result.from() + "».");
            return FAILED;
        } catch (Exception e) {
            err.println("Không chuyển được: " + e.getMessage());
            return FAILED;
        }
    }
}
