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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        Map<?, ?> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        ZoneId zone = ZoneId.of(String.valueOf(root.get("timezone") == null ? "Asia/Ho_Chi_Minh" : root.get("timezone")));
        Map<LocalDate, String> holidays = new HashMap<>();
        Set<LocalDate> provisional = new HashSet<>();
        for (Object o : list(root.get("holidays"))) {
            Map<?, ?> h = (Map<?, ?>) o;
            String name = String.valueOf(h.get("name"));
            List<LocalDate> days = new java.util.ArrayList<>();
            if (h.get("date") != null) {
                days.add(date(h.get("date")));
            } else {
                for (LocalDate d = date(h.get("from")); !d.isAfter(date(h.get("to"))); d = d.plusDays(1)) {
                    days.add(d);
                }
            }
            days.forEach(d -> holidays.put(d, name));
            if (Boolean.TRUE.equals(h.get("provisional"))) {
                provisional.addAll(days);
            }
        }
        Set<LocalDate> working = new HashSet<>();
        for (Object o : list(root.get("workingDays"))) {
            working.add(date(((Map<?, ?>) o).get("date")));
        }
        return new WorkingCalendar(zone, holidays, working, WorkingCalendar.OfficeHours.standard(), provisional);
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
