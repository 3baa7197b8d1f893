package vn.cong.media;

import io.micronaut.core.annotation.Nullable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code Range} header asks of a file of {@code length} bytes (RFC 9110 §14): one byte range answers 206, a
 * range that starts past the end (or an empty suffix) 416. A header that is not one {@code bytes} range — another
 * unit, malformed, or several ranges (which this server does not combine into a multipart answer) — is ignored, as
 * §14.2 allows, and the whole file is sent.
 */
public sealed interface ByteRange {

    Pattern ONE_RANGE = Pattern.compile("^bytes[ \\t]*=[ \\t]*([0-9]{0,18})-([0-9]{0,18})[ \\t]*$");

    /** The whole file (200). */
    record Whole() implements ByteRange {
    }

    /** Bytes {@code first} to {@code last}, both included (206). */
    record Part(long first, long last) implements ByteRange {
        public long length() {
            return last - first + 1;
        }

        public String contentRange(long total) {
            return "bytes " + first + "-" + last + "/" + total;
        }
    }

    /** Nothing of the file can be sent (416). */
    record Unsatisfiable() implements ByteRange {
    }

    static ByteRange of(@Nullable String header, long length) {
        if (header == null) {
            return new Whole();
        }
        Matcher m = ONE_RANGE.matcher(header.strip());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return new Whole();
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            return suffix == 0 || length == 0 ? new Unsatisfiable() : new Part(Math.max(0, length - suffix), length - 1);
        }
        long first = Long.parseLong(m.group(1));
        if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
            return new Whole(); // syntactically invalid: ignored
        }
        long last = m.group(2).isEmpty() ? length - 1 : Math.min(Long.parseLong(m.group(2)), length - 1);
        return first >= length ? new Unsatisfiable() : new Part(first, last);
    }
}
