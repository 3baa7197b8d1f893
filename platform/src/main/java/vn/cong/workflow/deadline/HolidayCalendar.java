package vn.cong.workflow.deadline;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.PlatformDatabase;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.RegistryReloaded;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The holiday calendar every deadline is computed on: the bundled file ({@code calendar/vn-public-holidays.yaml},
 * or {@code cong.calendar.file}) merged with the years the operator added or replaced at the console
 * ({@code platform.holiday_years}). Held in memory; a save reloads this node at once and moves the
 * registry version, so the other nodes reload with their registry (nudge, or their next poll).
 */
@Singleton
public class HolidayCalendar {

    private static final Logger LOG = LoggerFactory.getLogger(HolidayCalendar.class);

    /** Where a year's holidays come from. */
    public enum Source {
        BUNDLED("Kèm theo nền tảng"), OPERATOR("Do vận hành bổ sung"), REPLACED("Do vận hành sửa (thay lịch kèm theo)");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One year of the calendar as the console shows it. */
    public record Year(int year, Source source, List<HolidayEntry> entries, @Nullable String updatedBy, @Nullable OffsetDateTime updatedAt) {

        public List<HolidayEntry> holidays() {
            return entries.stream().filter(e -> !e.workingDay()).toList();
        }

        public List<HolidayEntry> workingDays() {
            return entries.stream().filter(HolidayEntry::workingDay).toList();
        }

        public long provisional() {
            return entries.stream().filter(HolidayEntry::provisional).count();
        }

        /** What the operator audit records of a saved year: its source and each line. */
        public Map<String, Object> auditDetails() {
            return Map.of("year", year, "source", source.name().toLowerCase(java.util.Locale.ROOT),
                    "entries", entries.stream().map(e -> (e.workingDay() ? "làm bù " : "") + HolidayYearCheck.line(e)).toList());
        }
    }

    private record State(WorkingCalendar calendar, SortedMap<Integer, Year> years) {
    }

    private record Stored(int year, boolean replaces, String by, OffsetDateTime at) {
    }

    private final ZoneId zone;
    private final Map<Integer, List<HolidayEntry>> bundled;
    private final PlatformDatabase db;
    private final PublicChanges changes;
    private volatile State state;

    HolidayCalendar(@Value("${cong.calendar.file:}") String file, PlatformDatabase db, PublicChanges changes) {
        HolidayCalendarLoader.Parsed base = file == null || file.isBlank() ? HolidayCalendarLoader.bundledEntries()
                : HolidayCalendarLoader.fileEntries(Path.of(file));
        this.zone = base.zone();
        this.bundled = byYear(base.entries());
        this.db = db;
        this.changes = changes;
        this.state = merge(List.of(), Map.of());
    }

    public WorkingCalendar calendar() {
        return state.calendar();
    }

    /** Every year the calendar has, in order. */
    public SortedMap<Integer, Year> years() {
        return state.years();
    }

    /** Whether the platform bundles {@code year} (changing it then replaces the bundled year). */
    public boolean isBundled(int year) {
        return bundled.containsKey(year);
    }

    public java.util.Optional<Year> year(int year) {
        return java.util.Optional.ofNullable(state.years().get(year));
    }

    /** Stores a checked year (replacing what the operator stored for it before), then reloads every node. */
    public Mono<Year> save(HolidayYearCheck.HolidayYear year, String by) {
        return db.mono(tx -> tx.update("""
                                INSERT INTO platform.holiday_years (year, replaces_bundled, updated_by) VALUES ($1, $2, $3)
                                ON CONFLICT (year) DO UPDATE SET replaces_bundled = excluded.replaces_bundled,
                                    updated_by = excluded.updated_by, updated_at = now()""",
                        year.year(), year.replacesBundled(), by)
                        .then(tx.update("DELETE FROM platform.holiday_entries WHERE year = $1", year.year()))
                        .thenMany(reactor.core.publisher.Flux.fromIterable(year.entries()).concatMap(e -> tx.update("""
                                        INSERT INTO platform.holiday_entries (year, starts_on, ends_on, name, provisional, working_day)
                                        VALUES ($1, $2, $3, $4, $5, $6)""",
                                year.year(), e.from(), e.to(), e.name(), e.provisional(), e.workingDay())))
                        .then(Mono.just(year.year())))
                .then(reload())
                .then(changes.refreshEveryNode())
                .then(Mono.fromSupplier(() -> state.years().get(year.year())));
    }

    /** Reads the operator's years again and rebuilds the calendar. */
    public Mono<Void> reload() {
        Mono<List<Stored>> years = db.flux(tx -> tx.query("SELECT year, replaces_bundled, updated_by, updated_at FROM platform.holiday_years",
                r -> new Stored(r.get(0, Integer.class), Boolean.TRUE.equals(r.get(1, Boolean.class)), r.get(2, String.class),
                        r.get(3, OffsetDateTime.class)))).collectList();
        Mono<List<HolidayEntry>> entries = db.flux(tx -> tx.query("""
                SELECT starts_on, ends_on, name, provisional, working_day FROM platform.holiday_entries ORDER BY starts_on, id""",
                r -> new HolidayEntry(r.get(0, LocalDate.class), r.get(1, LocalDate.class), r.get(2, String.class),
                        Boolean.TRUE.equals(r.get(3, Boolean.class)), Boolean.TRUE.equals(r.get(4, Boolean.class))))).collectList();
        return Mono.zip(years, entries).doOnNext(t -> {
            Map<Integer, Stored> stored = new TreeMap<>();
            t.getT1().forEach(s -> stored.put(s.year(), s));
            state = merge(t.getT2(), stored);
        }).then();
    }

    @EventListener
    void onRegistryReloaded(RegistryReloaded event) {
        reload().subscribe(null, e -> LOG.warn("Holiday calendar not reloaded (registry version {}): {}", event.version(), e.toString()));
    }

    private State merge(List<HolidayEntry> operatorEntries, Map<Integer, Stored> stored) {
        Map<Integer, List<HolidayEntry>> added = byYear(operatorEntries);
        SortedMap<Integer, Year> years = new TreeMap<>();
        bundled.forEach((y, list) -> years.put(y, new Year(y, Source.BUNDLED, list, null, null)));
        stored.forEach((y, s) -> {
            // a year the bundle has is stored only as a replacement; should the bundle gain a year an operator added, the operator's wins
            years.put(y, new Year(y, bundled.containsKey(y) ? Source.REPLACED : Source.OPERATOR,
                    added.getOrDefault(y, List.of()), s.by(), s.at()));
        });
        List<HolidayEntry> all = new ArrayList<>();
        years.values().forEach(y -> all.addAll(y.entries()));
        return new State(WorkingCalendar.of(zone, all), Collections.unmodifiableSortedMap(years));
    }

    private static Map<Integer, List<HolidayEntry>> byYear(List<HolidayEntry> entries) {
        Map<Integer, List<HolidayEntry>> m = new TreeMap<>();
        entries.stream().sorted(Comparator.comparing(HolidayEntry::from))
                .forEach(e -> m.computeIfAbsent(e.year(), y -> new ArrayList<>()).add(e));
        m.replaceAll((y, l) -> List.copyOf(l));
        return m;
    }
}
