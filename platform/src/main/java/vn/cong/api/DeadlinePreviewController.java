package vn.cong.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.web.ApiErrors;
import vn.cong.workflow.InformationType;
import vn.cong.workflow.ItemDeadlines;
import vn.cong.workflow.WorkflowPolicies;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What deadlines an item would get, without creating anything: a document-management system (or a
 * person planning an event) passes the kind, the time the board received it, the event or stamp time and
 * whether it is highlighted, and reads every deadline under the tenant's regulation profile.
 */
@Controller(DeadlinePreviewController.BASE)
@Secured(SecurityRule.IS_ANONYMOUS)
class DeadlinePreviewController {

    static final String BASE = "/api/v1/deadlines";

    private final WorkflowPolicies policies;
    private final ItemDeadlines deadlines;

    DeadlinePreviewController(WorkflowPolicies policies, ItemDeadlines deadlines) {
        this.policies = policies;
        this.deadlines = deadlines;
    }

    /**
     * {@code kind} as the API's items ({@code article}, {@code document}, …); {@code infoType} an information
     * type's code (none: the kind decides), {@code eventAt} the moment its rule counts from, {@code opensAt} a
     * multi-day event's opening; times with their offset.
     */
    @Serdeable
    record Preview(@Nullable String kind, @Nullable OffsetDateTime receivedAt, @Nullable OffsetDateTime eventAt, boolean highlighted,
                   @Nullable String infoType, @Nullable OffsetDateTime opensAt) {
    }

    @Serdeable
    record Readings(String days, String hours, String sameDayEnds, String noonStamp) {
    }

    @Serdeable
    record Answer(String deadlineRules, Readings readings, List<WorkflowApiController.Deadline> deadlines,
                  @Nullable OffsetDateTime binding) {
    }

    @Post(value = "/preview", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> preview(Tenant tenant, @Body Preview body) {
        if (body.kind() == null || body.kind().isBlank() || body.receivedAt() == null) {
            return Mono.just(HttpResponse.badRequest(ApiErrors.of(body.kind() == null || body.kind().isBlank() ? "kind" : "receivedAt",
                    "Cần loại tin (kind) và thời điểm Ban biên tập nhận (receivedAt, ví dụ 2026-11-20T10:00:00+07:00).")));
        }
        var type = InformationType.of(body.infoType());
        if (body.infoType() != null && type.isEmpty()) {
            return Mono.just(HttpResponse.badRequest(ApiErrors.of("infoType", "Không có loại thông tin «" + body.infoType() + "»; các loại: "
                    + java.util.Arrays.stream(InformationType.values()).map(InformationType::code).collect(java.util.stream.Collectors.joining(", ")) + ".")));
        }
        var timing = new ItemDeadlines.Timing(type.orElse(null), body.receivedAt(), body.eventAt(), body.opensAt(), body.highlighted());
        return policies.current(tenant).map(policy -> {
            var r = policy.deadlineReadings();
            var all = deadlines.of(policy.deadlinePreset(), r, body.kind(), timing);
            var binding = deadlines.binding(policy.deadlinePreset(), r, body.kind(), timing);
            return HttpResponse.ok(new Answer(policy.deadlinePreset(),
                    new Readings(code(r.days()), code(r.hours()), code(r.sameDayEnds()), code(r.noonStamp())),
                    all.stream().map(d -> new WorkflowApiController.Deadline(d.label(), d.due().toOffsetDateTime())).toList(),
                    binding.map(java.time.ZonedDateTime::toOffsetDateTime).orElse(null)));
        });
    }

    private static String code(Enum<?> reading) {
        return reading.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
