package vn.cong;

import io.micronaut.runtime.Micronaut;
import vn.cong.onboarding.CongCommand;
import vn.cong.ops.integrity.IntegrityCommand;

/** Runs the platform, or one of its operator commands when the first argument names one. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && CongCommand.handles(args[0])) {
            // before anything logs: a command's standard output is its result (JSON), logs go to stderr
            System.setProperty("cong.log.target", "System.err");
            System.exit(CongCommand.run(args));
        }
        if (args.length > 0 && IntegrityCommand.handles(args[0])) {
            System.setProperty("cong.log.target", "System.err");
            System.exit(IntegrityCommand.run(args));
        }
        Micronaut.build(args).mainClass(Application.class).start();
    }
}
