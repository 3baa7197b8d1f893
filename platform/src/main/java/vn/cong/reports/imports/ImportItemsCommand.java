package vn.cong.reports.imports;

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
import java.util.Map;

/**
 * {@code java -jar cong-platform.jar import-items <tenant-code> <file.csv | file.jsonl>}: imports a portal's history of
 * items (see {@link ItemImport}). Prints the result as JSON on standard output and each row error on standard error.
 * Exit codes: 0 imported (or nothing new), 1 the file was refused (nothing written), 2 usage.
 */
public final class ImportItemsCommand {

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE_ERROR = 2;

    private ImportItemsCommand() {
    }

    public static boolean handles(String command) {
        return "import-items".equals(command);
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 3) {
            err.println("Cách dùng: java -jar cong-platform.jar import-items <mã-cổng> <tệp.csv | tệp.jsonl>");
            return USAGE_ERROR;
        }
        Path file = Path.of(args[2]);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("Không đọc được tệp «" + file + "»: " + e.getMessage());
            return USAGE_ERROR;
        }
        var text = ItemImport.text(bytes);
        if (text.isEmpty()) {
            err.println("Tệp «" + file + "» không phải văn bản UTF-8.");
            return REFUSED;
        }
        try (ApplicationContext context = vn.cong.system.CommandContext.start()) {
            Tenant tenant = context.getBean(TenantRegistry.class).findByCode(args[1]).filter(Tenant::isServing).orElse(null);
            if (tenant == null) {
                err.println("Không có cổng mã «" + args[1] + "».");
                return USAGE_ERROR;
            }
            ImportResult result = context.getBean(ItemImport.class)
                    .importItems(tenant, text.get(), "cli:" + file.getFileName()).block();
            out.println(new String(toJson(context.getBean(JsonMapper.class), result), StandardCharsets.UTF_8));
            out.flush();
            result.errors().forEach(e -> err.println(e));
            return result.ok() ? OK : REFUSED;
        }
    }

    private static byte[] toJson(JsonMapper json, ImportResult result) {
        try {
            return json.writeValueAsBytes(Argument.of(ImportResult.class), result);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
