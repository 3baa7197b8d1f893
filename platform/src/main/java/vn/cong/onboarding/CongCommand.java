package vn.cong.onboarding;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import vn.cong.accounts.PasswordHasher;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Operator commands run from the built jar, e.g.
 * {@code java -jar platform/target/cong-platform.jar onboard tenants/}. Results go to standard
 * output (one JSON report per manifest), logs and errors to standard error, so the output can be
 * piped. Exit codes: 0 done, 1 a manifest was refused (every error printed), 2 usage.
 */
public final class CongCommand {

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE_ERROR = 2;

    private static final String USAGE = """
            Usage:
              java -jar cong-platform.jar onboard [--cluster <name>] <manifest.yaml | folder> [...]
                  Creates or updates tenants from manifests (idempotent) and prints what it did as JSON.
                  A new tenant's schema goes to the database cluster named (default: cong.clusters.default-for-new-tenants).
              java -jar cong-platform.jar hash-password
                  Reads a password (prompt, or one line on standard input) and prints its Argon2id hash,
                  e.g. for cong.operator.password-hash.
              java -jar cong-platform.jar integrity [tenant-code]
                  Checks published content and the workflow's event chain of every tenant (or one) and
                  prints what changed outside the workflow. Exit code 0: nothing, 1: findings.
              java -jar cong-platform.jar import-items <tenant-code> <file.csv | file.jsonl>
                  Imports a portal's history of items (unit, section, topic, origin, genre, submission time, final
                  state); every row error listed, nothing written when one row is wrong. Exit code 0: imported.
              java -jar cong-platform.jar import-wordpress <tenant-code> <export.xml> [--dry-run] [--slug-map file]
                  Imports a WordPress export (WXR): posts, categories as sections, pages as about pages (slug table),
                  authors as inactive accounts, media, old addresses as 301 redirects. Idempotent; --dry-run writes
                  nothing. Exit code 0: done, 1: the file was refused (nothing written).
            Database settings come from the same configuration as the server (DB_HOST, DB_NAME, ...).
            """;

    private CongCommand() {
    }

    public static boolean handles(String command) {
        return List.of("onboard", "hash-password", "help", "--help").contains(command);
    }

    public static int run(String[] args) {
        return run(args, System.in, System.out, System.err);
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length > 0 && "hash-password".equals(args[0])) {
            return hashPassword(in, out, err);
        }
        String cluster = null;
        if (args.length > 2 && "onboard".equals(args[0]) && "--cluster".equals(args[1])) {
            cluster = args[2];
            String[] rest = new String[args.length - 2];
            rest[0] = args[0];
            System.arraycopy(args, 3, rest, 1, args.length - 3);
            args = rest;
        }
        if (args.length < 2 || !"onboard".equals(args[0])) {
            out.print(USAGE);
            return args.length > 0 && "onboard".equals(args[0]) ? USAGE_ERROR : OK;
        }
        for (int i = 1; i < args.length; i++) {
            if (!Files.exists(Path.of(args[i]))) {
                err.println("Không tìm thấy tệp khai báo: " + args[i]);
                return USAGE_ERROR;
            }
        }
        try (ApplicationContext context = vn.cong.system.CommandContext.start()) {
            return onboard(context, List.of(args).subList(1, args.length), cluster, out, err);
        }
    }

    private static int onboard(ApplicationContext context, List<String> paths, String cluster, PrintStream out, PrintStream err) {
        ManifestDirectory manifests = context.getBean(ManifestDirectory.class);
        JsonMapper json = context.getBean(JsonMapper.class);
        boolean refused = false;
        for (String path : paths) {
            List<OnboardingReport> reports = manifests.apply(Path.of(path), cluster).collectList().block();
            for (OnboardingReport report : reports) {
                out.println(toJson(json, report));
                if (!report.isValid()) {
                    refused = true;
                    report.errors().forEach(e -> err.println(report.code() + ": " + (e.field().isEmpty() ? "" : e.field() + ": ") + e.message()));
                }
            }
        }
        out.flush();
        return refused ? REFUSED : OK;
    }

    private static String toJson(JsonMapper json, OnboardingReport report) {
        try {
            return new String(json.writeValueAsBytes(Argument.of(OnboardingReport.class), report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int hashPassword(InputStream in, PrintStream out, PrintStream err) {
        String password;
        Console console = System.console();
        if (console != null && in == System.in) {
            char[] typed = console.readPassword("Mật khẩu: ");
            char[] again = console.readPassword("Nhập lại: ");
            if (typed == null || again == null || !new String(typed).equals(new String(again))) {
                err.println("Hai lần nhập không khớp.");
                return REFUSED;
            }
            password = new String(typed);
        } else {
            try {
                password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                err.println(e.getMessage());
                return REFUSED;
            }
        }
        if (password == null || password.length() < 12) {
            err.println("Mật khẩu vận hành phải có ít nhất 12 ký tự.");
            return REFUSED;
        }
        out.println(new PasswordHasher().hash(password));
        return OK;
    }
}
