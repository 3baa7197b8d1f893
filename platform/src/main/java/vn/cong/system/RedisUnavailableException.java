package vn.cong.system;

/** Redis could not be reached in time: callers answer "try again later" rather than fail obscurely. */
public class RedisUnavailableException extends RuntimeException {

    public RedisUnavailableException() {
        super("Redis is unavailable");
    }

    public RedisUnavailableException(Throwable cause) {
        super("Redis is unavailable: " + cause.getMessage(), cause);
    }
}
