package vn.cong.console;

import io.micronaut.core.annotation.Nullable;

import java.time.OffsetDateTime;

/** What templates call to show times, durations and sizes the same way on every console page ({@code ${fmt.time(t)}}). */
public final class ConsoleFormat {

    static final ConsoleFormat INSTANCE = new ConsoleFormat();

    private ConsoleFormat() {
    }

    public String time(@Nullable OffsetDateTime t) {
        return Console.time(t);
    }

    /** A time recorded as ISO-8601 text (integrity runs keep theirs so for the API), shown like every other. */
    public String isoTime(@Nullable String iso) {
        return iso == null || iso.isBlank() ? "" : Console.time(OffsetDateTime.parse(iso));
    }

    public String duration(@Nullable OffsetDateTime from, @Nullable OffsetDateTime to) {
        return Console.duration(from, to);
    }

    public String size(long bytes) {
        return Console.size(bytes);
    }

    public String label(@Nullable String state) {
        return state == null ? "" : StatusLabels.of(state);
    }
}
