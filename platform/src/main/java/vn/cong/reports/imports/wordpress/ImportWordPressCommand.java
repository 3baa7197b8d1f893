package vn.cong.reports.imports.wordpress;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar cong-platform.jar import-wordpress <tenant-code> <export.xml> [--dry-run] [--slug-map file]}: brings
 * a WordPress site into a tenant ({@link WordPressImport}). A progress bar on standard error while it runs, the report
 * as JSON on standard output, each entry that was skipped or failed on standard error. Exit codes: 0 done (or
 * nothing new), 1 the file was refused (nothing written), 2 usage.
 */
public final class ImportWordPressCommand {

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE_ERROR = 2;
    private static final String USAGE = "Cách dùng: java -jar cong-platform.jar import-wordpress <mã-cổng> <tệp-xuất.xml> [--dry-run] [--slug-map tệp]";

    private ImportWordPressCommand() {
    }

    public static boolean handles(String command) {
        return "import-wordpress".equals(command);
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err, Map.of());
    }

    /** @param properties extra configuration (tests: the database of their context) */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, Object> properties) {
        List<String> positional = new ArrayList<>();
        boolean dryRun = false;
        String slugMap = "";
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--dry-run")) {
                dryRun = true;
            } else if (args[i].equals("--slug-map") && i + 1 < args.length) {
                try {
                    slugMap = Files.readString(Path.of(args[++i]), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    err.println("Không đọc được bảng địa chỉ trang «" + args[i] + "»: " + e.getMessage());
                    return USAGE_ERROR;
                }
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.size() != 2) {
            err.println(USAGE);
            return USAGE_ERROR;
        }
        Path file = Path.of(positional.get(1));
        if (!Files.isReadable(file)) {
            err.println("Không đọc được tệp «" + file + "».");
            return USAGE_ERROR;
        }
        try (ApplicationContext context = vn.cong.system.CommandContext.start(properties)) {
            Tenant tenant = context.getBean(TenantRegistry.class).findByCode(positional.get(0)).filter(Tenant::isServing).orElse(null);
            if (tenant == null) {
                err.println("Không có cổng mã «" + positional.get(0) + "».");
                return USAGE_ERROR;
            }
            ProgressBar bar = new ProgressBar(err);
            WordPressReport report = context.getBean(WordPressImport.class)
                    .run(tenant, () -> Files.newInputStream(file), new WordPressImport.Options(dryRun, slugMap, "cli:" + file.getFileName()), bar)
                    .block();
            bar.end();
            out.println(new String(toJson(context.getBean(JsonMapper.class), report), StandardCharsets.UTF_8));
            out.flush();
            report.entries().stream().filter(e -> !e.outcome().equals("imported") && !e.outcome().equals("unchanged"))
                    .forEach(e -> err.println("dòng " + e.line() + ": " + e.subject() + " — " + e.outcomeLabel() + ": " + e.note()));
            err.println(report.summary());
            return report.refused() ? REFUSED : OK;
        }
    }

    /** {@code [#########           ] 45%  Tải tệp 9/20}, redrawn in place. */
    private static final class ProgressBar implements WordPressImport.Progress {

        private final PrintStream err;
        private String last = "";

        ProgressBar(PrintStream err) {
            this.err = err;
        }

        @Override
        public synchronized void at(String step, int done, int total) {
            int percent = total <= 0 ? 100 : Math.min(100, done * 100 / total);
            int filled = percent / 5;
            String line = "[" + "#".repeat(filled) + " ".repeat(20 - filled) + "] " + String.format("%3d%%", percent) + "  " + step
                    + (total > 1 ? " " + done + "/" + total : "");
            if (!line.equals(last)) {
                err.print("\r" + line + " ".repeat(Math.max(0, last.length() - line.length())));
                err.flush();
                last = line;
            }
        }

        void end() {
            if (!last.isEmpty()) {
                err.println();
            }
        }
    }

    private static byte[] toJson(JsonMapper json, WordPressReport report) {
        try {
            return json.writeValueAsBytes(Argument.of(WordPressReport.class), report);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
