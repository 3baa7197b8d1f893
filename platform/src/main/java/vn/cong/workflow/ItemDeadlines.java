package vn.cong.workflow;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.cong.content.kinds.ContentKinds;
import vn.cong.content.kinds.KindDeadline;
import vn.cong.workflow.deadline.DeadlineKind;
import vn.cong.workflow.deadline.DeadlinePolicy;
import vn.cong.workflow.deadline.DeadlineReadings;
import vn.cong.workflow.deadline.HolidayCalendar;
import vn.cong.workflow.deadline.WorkingCalendar;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When an item is due under the tenant's deadline preset, on the working calendar (weekends,
 * Vietnamese holidays, Asia/Ho_Chi_Minh): from the event for event news, from receipt for editing
 * (6 h highlighted / 12 h otherwise at MOST), from the issue stamp for documents (the 12:00 rule).
 */
@Singleton
public class ItemDeadlines {

    /** Other names of kinds whose "event time" is the issue (arrival) stamp of a document (the declared kinds say so themselves). */
    private static final Set<String> DOCUMENT_KINDS = Set.of("legal_document", "directive_document");
    /** Other names of kinds that are draft legal documents for public comment (due from leadership approval: the submission). */
    private static final Set<String> CONSULTATION_KINDS = Set.of("consultation_draft", "draft_document");

    private static final String EDITING = "Hạn biên tập, đăng tải";

    private final HolidayCalendar holidays;
    private final ContentKinds kinds;

    ItemDeadlines(HolidayCalendar holidays, ContentKinds kinds) {
        this.kinds = kinds;
        this.holidays = holidays;
    }

    /** A deadline of an item: what it is for and when it falls. */
    public record Deadline(String label, ZonedDateTime due) {
    }

    /** The calendar as it stands now: the bundled years and those the operator added at the console. */
    public WorkingCalendar calendar() {
        return holidays.calendar();
    }

    /**
     * When an item's deadlines run from: its information type (null: the kind decides), when the board
     * received it, the moment the type's rule counts from ({@link InformationType#startsLabel()}: the end of
     * the event, the stamp, the leadership's approval, the end of the period) and a multi-day event's opening.
     */
    public record Timing(@Nullable InformationType type, OffsetDateTime receivedAt, @Nullable OffsetDateTime startsAt,
                         @Nullable OffsetDateTime opensAt, boolean highlighted) {

        public static Timing untyped(OffsetDateTime receivedAt, @Nullable OffsetDateTime eventAt, boolean highlighted) {
            return new Timing(null, receivedAt, eventAt, null, highlighted);
        }
    }

    public List<Deadline> of(String preset, String kind, OffsetDateTime receivedAt, @Nullable OffsetDateTime eventAt, boolean highlighted) {
        return of(preset, DeadlineReadings.standard(), kind, Timing.untyped(receivedAt, eventAt, highlighted));
    }

    /** Every deadline of an item under the tenant's rules ({@code preset}) read as the tenant reads them. */
    public List<Deadline> of(String preset, DeadlineReadings readings, String kind, Timing t) {
        DeadlinePolicy policy = DeadlinePolicy.preset(preset).orElseGet(DeadlinePolicy::most);
        InformationType type = typeOf(kind, t.type());
        List<Deadline> found = new ArrayList<>();
        switch (type) {
            case DOCUMENT -> {
                if (t.startsAt() != null) {
                    add(found, policy, readings, DeadlineKind.DOCUMENT_PUBLICATION, t.startsAt(), "Hạn đăng văn bản (quy tắc 12 giờ, tính từ dấu văn bản đến)");
                }
                return found;
            }
            case NEWS, EVENT -> {
                if (t.opensAt() != null && type == InformationType.EVENT) {
                    add(found, policy, readings, DeadlineKind.EVENT_NEWS_SUBMISSION, t.opensAt(), "Hạn tin khai mạc (tính từ khi khai mạc)");
                }
                if (t.startsAt() != null) {
                    add(found, policy, readings, DeadlineKind.EVENT_NEWS_SUBMISSION, t.startsAt(),
                            t.opensAt() != null && type == InformationType.EVENT ? "Hạn tin bế mạc (tính từ khi bế mạc)" : "Hạn theo thời điểm sự kiện");
                }
                add(found, policy, readings, t.highlighted() ? DeadlineKind.EDITING_HIGHLIGHTED : DeadlineKind.EDITING_ROUTINE, t.receivedAt(),
                        t.highlighted() ? EDITING + " (sự kiện nổi bật, tính từ khi nhận)" : EDITING + " (tính từ khi nhận)");
            }
            default -> {
                if (t.startsAt() != null) {
                    add(found, policy, readings, type.rule().orElseThrow(), t.startsAt(),
                            "Hạn đăng " + lower(type.label()) + " (tính từ " + lower(type.startsLabel()) + ")");
                }
            }
        }
        found.sort(Comparator.comparing(Deadline::due));
        return found;
    }

    /** The type an item has: the one chosen, or the one its kind implies. */
    public InformationType typeOf(String kind, @Nullable InformationType chosen) {
        if (chosen != null) {
            return chosen;
        }
        return switch (deadlineOf(kind)) {
            case DOCUMENT_PUBLICATION -> InformationType.DOCUMENT;
            case DRAFT_FOR_COMMENT -> InformationType.DRAFT_DOCUMENT;
            default -> InformationType.NEWS;
        };
    }

    /**
     * The type whose start time an item cannot be submitted without, if any: where the tenant's rules
     * have a deadline for the type, it counts from that time, which must not silently be absent (a
     * document's stamp, a draft's approval by the leadership, an event's end, a report's period).
     */
    public Optional<InformationType> needsStart(String preset, String kind, @Nullable InformationType chosen) {
        InformationType type = typeOf(kind, chosen);
        DeadlinePolicy policy = DeadlinePolicy.preset(preset).orElseGet(DeadlinePolicy::most);
        return type.rule().filter(policy.rules()::containsKey).map(r -> type);
    }

    private static String lower(String label) {
        return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    /** The deadline a kind declares ({@link vn.cong.content.kinds.KindDeclaration#deadline()}); editing for articles. */
    private KindDeadline deadlineOf(String kind) {
        if (DOCUMENT_KINDS.contains(kind)) {
            return KindDeadline.DOCUMENT_PUBLICATION;
        }
        if (CONSULTATION_KINDS.contains(kind)) {
            return KindDeadline.DRAFT_FOR_COMMENT;
        }
        return kinds.declaration(kind).map(d -> d.deadline()).orElse(KindDeadline.EDITING);
    }

    /**
     * The deadline the board tracks once the item is with the editors: the editing-and-publishing
     * deadline where the preset has one (MOST: 6 h / 12 h from receipt); otherwise the earliest other
     * one (Hải Phòng: a day after the event; documents: the 12:00 rule). At MOST the event rule is the
     * unit's deadline to send, already behind it once the item arrives.
     */
    public Optional<ZonedDateTime> binding(String preset, String kind, OffsetDateTime receivedAt, @Nullable OffsetDateTime eventAt,
                                           boolean highlighted) {
        return binding(preset, DeadlineReadings.standard(), kind, Timing.untyped(receivedAt, eventAt, highlighted));
    }

    public Optional<ZonedDateTime> binding(String preset, DeadlineReadings readings, String kind, OffsetDateTime receivedAt,
                                           @Nullable OffsetDateTime eventAt, boolean highlighted) {
        return binding(preset, readings, kind, Timing.untyped(receivedAt, eventAt, highlighted));
    }

    public Optional<ZonedDateTime> binding(String preset, DeadlineReadings readings, String kind, Timing t) {
        List<Deadline> all = of(preset, readings, kind, t);
        return all.stream().filter(d -> d.label().startsWith(EDITING)).map(Deadline::due).findFirst()
                .or(() -> all.stream().map(Deadline::due).min(Comparator.naturalOrder()));
    }

    private void add(List<Deadline> found, DeadlinePolicy policy, DeadlineReadings readings, DeadlineKind kind, OffsetDateTime start,
                     String label) {
        WorkingCalendar calendar = calendar();
        policy.due(kind, start.atZoneSameInstant(calendar.zone()), calendar, readings).ifPresent(due -> found.add(new Deadline(label, due)));
    }
}
