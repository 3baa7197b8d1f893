package vn.cong;

import io.micronaut.runtime.Micronaut;
import vn.cong.onboarding.CongCommand;
import vn.cong.ops.backup.BackupCommand;
import vn.cong.ops.backup.ClusterCommand;
import vn.cong.ops.integrity.IntegrityCommand;
import vn.cong.reports.imports.ImportItemsCommand;
import vn.cong.reports.imports.wordpress.ImportWordPressCommand;

/** Runs the platform, or one of its operator commands when the first argument names one. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        // the uptime prober sends each portal's Host header to the platform's own address; the JDK reads this
        // once, when its HTTP client is first loaded, so it is set before anything else runs (vn.cong.ops.uptime.Prober)
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        if (args.length > 0 && CongCommand.handles(args[0])) {
            // before anything logs: a command's standard output is its result (JSON), logs go to stderr
            System.setProperty("cong.log.target", "System.err");
            System.exit(CongCommand.run(args));
        }
        if (args.length > 0 && IntegrityCommand.handles(args[0])) {
            System.setProperty("cong.log.target", "System.err");
            System.exit(IntegrityCommand.run(args));
        }
        if (args.length > 0 && ImportItemsCommand.handles(args[0])) {
            System.setProperty("cong.log.target", "System.err");
            System.exit(ImportItemsCommand.run(args));
        }
        if (args.length > 0 && ImportWordPressCommand.handles(args[0])) {
            System.setProperty("cong.log.target", "System.err");
            System.exit(ImportWordPressCommand.run(args));
        }
        if (args.length > 0 && ClusterCommand.handles(args[0])) {
            System.setProperty("cong.log.target", "System.err");
            System.exit(ClusterCommand.run(args));
        }
        if (args.length > 0 && BackupCommand.handles(args[0])) {
            System.setProperty("cong.log.target", "System.err");
            System.exit(BackupCommand.run(args));
        }
        Micronaut.build(args).mainClass(Application.class).start();
    }
}
