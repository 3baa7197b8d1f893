package vn.cong.reports.imports.wordpress;

/** A file that is not a WordPress export the import can read: the line where reading stopped, and why (Vietnamese). */
final class WxrRefused extends Exception {

    private final int line;

    WxrRefused(int line, String message) {
        super(message);
        this.line = line;
    }

    int line() {
        return line;
    }
}
