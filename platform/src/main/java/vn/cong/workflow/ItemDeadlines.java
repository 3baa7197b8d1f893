package vn.cong.workflow;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.cong.content.kinds.ContentKinds;
import vn.cong.content.kinds.KindDeadline;
import vn.cong.workflow.deadline.DeadlineKind;
import vn.cong.workflow.deadline.DeadlinePolicy;
import vn.cong.workflow.deadline.DeadlineReadings;
import vn.cong.workflow.deadline.HolidayCalendarLoader;
import vn.cong.workflow.deadline.WorkingCalendar;

import java.nio.file.Path;
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

    private final WorkingCalendar calendar;
    private final ContentKinds kinds;

    ItemDeadlines(@Value("${cong.calendar.file:}") String file, ContentKinds kinds) {
        this.kinds = kinds;
        this.calendar = file == null || file.isBlank() ? HolidayCalendarLoader.bundled() : HolidayCalendarLoader.fromFile(Path.of(file));
    }

    /** A deadline of an item: what it is for and when it falls. */
    public record Deadline(String label, ZonedDateTime due) {
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public List<Deadline> of(String preset, String kind, OffsetDateTime receivedAt, @Nullable OffsetDateTime eventAt, boolean highlighted) {
        return of(preset, DeadlineReadings.standard(), kind, receivedAt, eventAt, highlighted);
    }

    /** Every deadline of an item under the tenant's rules ({@code preset}) read as the tenant reads them. */
    public List<Deadline> of(String preset, DeadlineReadings readings, String kind, OffsetDateTime receivedAt,
                             @Nullable OffsetDateTime eventAt, boolean highlighted) {
        DeadlinePolicy policy = DeadlinePolicy.preset(preset).orElseGet(DeadlinePolicy::most);
        ZonedDateTime received = receivedAt.atZoneSameInstant(calendar.zone());
        List<Deadline> found = new ArrayList<>();
        KindDeadline runsAgainst = deadlineOf(kind);
        if (runsAgainst == KindDeadline.DOCUMENT_PUBLICATION) {
            if (eventAt != null) {
                add(found, policy, readings, DeadlineKind.DOCUMENT_PUBLICATION, eventAt, "Hạn đăng văn bản (quy tắc 12 giờ, tính từ dấu văn bản đến)");
            }
            return found;
        }
        if (runsAgainst == KindDeadline.DRAFT_FOR_COMMENT) {
            add(found, policy, readings, DeadlineKind.DRAFT_LEGAL_DOCUMENT, receivedAt, "Hạn đăng dự thảo lấy ý kiến (tính từ khi nhận)");
            return found;
        }
        if (eventAt != null) {
            add(found, policy, readings, DeadlineKind.EVENT_NEWS_SUBMISSION, eventAt, "Hạn theo thời điểm sự kiện");
        }
        add(found, policy, readings, highlighted ? DeadlineKind.EDITING_HIGHLIGHTED : DeadlineKind.EDITING_ROUTINE, receivedAt,
                highlighted ? EDITING + " (sự kiện nổi bật, tính từ khi nhận)" : EDITING + " (tính từ khi nhận)");
        found.sort(Comparator.comparing(Deadline::due));
        return found;
    }

    /**
     * Whether an item of {@code kind} cannot be submitted without its stamp time: a document whose
     * deadline is the 12:00 rule counts from the time on its stamp, which must not silently be absent.
     */
    public boolean needsStamp(String preset, String kind) {
        return deadlineOf(kind) == KindDeadline.DOCUMENT_PUBLICATION
                && DeadlinePolicy.preset(preset).orElseGet(DeadlinePolicy::most).rules().containsKey(DeadlineKind.DOCUMENT_PUBLICATION);
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
        return binding(preset, DeadlineReadings.standard(), kind, receivedAt, eventAt, highlighted);
    }

    public Optional<ZonedDateTime> binding(String preset, DeadlineReadings readings, String kind, OffsetDateTime receivedAt,
                                           @Nullable OffsetDateTime eventAt, boolean highlighted) {
        List<Deadline> all = of(preset, readings, kind, receivedAt, eventAt, highlighted);
        return all.stream().filter(d -> d.label().startsWith(EDITING)).map(Deadline::due).findFirst()
                .or(() -> all.stream().map(Deadline::due).min(Comparator.naturalOrder()));
    }

    private void add(List<Deadline> found, DeadlinePolicy policy, DeadlineReadings readings, DeadlineKind kind, OffsetDateTime start,
                     String label) {
        policy.due(kind, start.atZoneSameInstant(calendar.zone()), calendar, readings).ifPresent(due -> found.add(new Deadline(label, due)));
    }
}
