package vn.cong.ops.backup;

/** A backup, verification or restore that could not be done; the message says why, for operators. */
public class BackupFailure extends RuntimeException {

    public BackupFailure(String message) {
        super(message);
    }

    public BackupFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
