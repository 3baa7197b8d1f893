package vn.cong.onboarding;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Operator commands run from the built jar:
 * {@code java -jar platform/target/cong-platform.jar onboard tenants/stc.yaml}.
 * Prints one JSON report per manifest; exits 1 if any manifest was refused.
 */
public final class CongCommand {

    private static final String USAGE = """
            Usage:
              java -jar cong-platform.jar onboard <manifest.yaml | folder> [...]
                  Creates or updates tenants from manifests (idempotent) and prints what it did.
            Database settings come from the same configuration as the server (DB_HOST, DB_NAME, ...).
            """;

    private CongCommand() {
    }

    public static boolean handles(String command) {
        return List.of("onboard", "help", "--help").contains(command);
    }

    public static int run(String[] args) {
        if (!"onboard".equals(args[0]) || args.length < 2) {
            System.out.print(USAGE);
            return "onboard".equals(args[0]) ? 2 : 0;
        }
        for (int i = 1; i < args.length; i++) {
            if (!Files.exists(Path.of(args[i]))) {
                System.err.println("Không tìm thấy tệp khai báo: " + args[i]);
                return 2;
            }
        }
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("cong.startup.apply-manifests", false, "micronaut.server.enabled", false))
                .deduceEnvironment(false)
                .start()) {
            ManifestDirectory manifests = context.getBean(ManifestDirectory.class);
            JsonMapper json = context.getBean(JsonMapper.class);
            boolean refused = false;
            for (int i = 1; i < args.length; i++) {
                List<OnboardingReport> reports = manifests.apply(Path.of(args[i])).collectList().block();
                for (OnboardingReport report : reports) {
                    System.out.println(new String(json.writeValueAsBytes(Argument.of(OnboardingReport.class), report),
                            java.nio.charset.StandardCharsets.UTF_8));
                    refused |= !report.isValid();
                }
            }
            return refused ? 1 : 0;
        } catch (IOException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
