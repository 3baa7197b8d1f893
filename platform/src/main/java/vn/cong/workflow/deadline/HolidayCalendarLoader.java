package vn.cong.workflow.deadline;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Reads the holiday data ({@code calendar/vn-public-holidays.yaml}, or an edited copy on disk). */
public final class HolidayCalendarLoader {

    public static final String BUNDLED = "calendar/vn-public-holidays.yaml";

    private HolidayCalendarLoader() {
    }

    public static WorkingCalendar bundled() {
        try (InputStream in = HolidayCalendarLoader.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + BUNDLED);
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WorkingCalendar fromFile(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read holiday calendar " + file, e);
        }
    }

    static WorkingCalendar parse(String yaml) {
        Parsed p = entries(yaml);
        return WorkingCalendar.of(p.zone(), p.entries());
    }

    /** The holiday data as its lines, with the calendar's time zone. */
    public record Parsed(ZoneId zone, List<HolidayEntry> entries) {
    }

    public static Parsed bundledEntries() {
        try (InputStream in = HolidayCalendarLoader.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + BUNDLED);
            }
            return entries(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Parsed fileEntries(Path file) {
        try {
            return entries(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read holiday calendar " + file, e);
        }
    }

    static Parsed entries(String yaml) {
        Map<?, ?> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        ZoneId zone = ZoneId.of(String.valueOf(root.get("timezone") == null ? "Asia/Ho_Chi_Minh" : root.get("timezone")));
        List<HolidayEntry> entries = new java.util.ArrayList<>();
        for (Object o : list(root.get("holidays"))) {
            Map<?, ?> h = (Map<?, ?>) o;
            LocalDate from = date(h.get("date") != null ? h.get("date") : h.get("from"));
            LocalDate to = h.get("date") != null ? from : date(h.get("to"));
            entries.add(HolidayEntry.holiday(from, to, String.valueOf(h.get("name")), Boolean.TRUE.equals(h.get("provisional"))));
        }
        for (Object o : list(root.get("workingDays"))) {
            Map<?, ?> w = (Map<?, ?>) o;
            entries.add(HolidayEntry.workingDay(date(w.get("date")), w.get("name") == null ? "" : String.valueOf(w.get("name"))));
        }
        return new Parsed(zone, List.copyOf(entries));
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    private static LocalDate date(Object o) {
        if (o instanceof Date d) {
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.parse(String.valueOf(o));
    }
}
