package vn.cong.workflow;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every step after submission by name, for the screens and the API that offer them: one place that
 * maps a named step and what the person typed to its use case.
 */
@Singleton
public class WorkflowSteps {

    /** A step, with its address segment in the staff area (Vietnamese) and in the API (English). */
    public enum Step {
        TAKE("nhan", "take"), SEND("trinh", "send"), APPROVE("duyet", "approve"), RETURN("tra-lai", "return"),
        REJECT("tu-choi", "reject"), REQUEST_OPINION("xin-y-kien", "request-opinion"), RECORD_OPINION("ghi-y-kien", "record-opinion"),
        REQUEST_REVIEW("de-nghi-tham-dinh", "request-review"), RECORD_REVIEW("ghi-tham-dinh", "record-review"),
        PUBLISH("dang", "publish"), TAKE_DOWN("go-bo", "take-down"),
        TAKE_DOWN_WITH_LEGAL_BASIS("go-bo-theo-can-cu-phap-ly", "take-down-with-legal-basis"), ARCHIVE("luu-tru", "archive");

        private final String page;
        private final String api;

        Step(String page, String api) {
            this.page = page;
            this.api = api;
        }

        public static Optional<Step> byPage(String segment) {
            return Arrays.stream(values()).filter(s -> s.page.equals(segment)).findFirst();
        }

        public static Optional<Step> byApi(String segment) {
            return Arrays.stream(values()).filter(s -> s.api.equals(segment)).findFirst();
        }
    }

    /** What a person gives with a step: a comment, a reason code, a text (opinion, review, takedown reason), a time. */
    public record Input(@Nullable String comment, @Nullable String reason, @Nullable String text, @Nullable OffsetDateTime publishAt) {
    }

    private final TakeForEditing take;
    private final SendForApproval send;
    private final ApproveItem approve;
    private final ReturnItem sendBack;
    private final RejectItem reject;
    private final RequestStep steps;
    private final PublishItem publish;
    private final TakeDownItem takeDown;
    private final ArchiveItem archive;

    WorkflowSteps(TakeForEditing take, SendForApproval send, ApproveItem approve, ReturnItem sendBack, RejectItem reject,
                  RequestStep steps, PublishItem publish, TakeDownItem takeDown, ArchiveItem archive) {
        this.take = take;
        this.send = send;
        this.approve = approve;
        this.sendBack = sendBack;
        this.reject = reject;
        this.steps = steps;
        this.publish = publish;
        this.takeDown = takeDown;
        this.archive = archive;
    }

    public Mono<Outcome> run(Step step, Tenant tenant, long itemId, int version, Actor actor, Input in) {
        return switch (step) {
            case TAKE -> take.take(tenant, itemId, version, actor);
            case SEND -> send.send(tenant, itemId, version, actor, in.comment());
            case APPROVE -> approve.approve(tenant, itemId, version, actor, in.comment());
            case RETURN -> sendBack.sendBack(tenant, itemId, version, actor, in.comment());
            case REJECT -> reject.reject(tenant, itemId, version, actor, in.reason(), in.text());
            case REQUEST_OPINION -> steps.request(tenant, itemId, version, actor, OptionalStep.LEADERSHIP_OPINION, in.comment());
            case RECORD_OPINION -> steps.record(tenant, itemId, version, actor, OptionalStep.LEADERSHIP_OPINION, in.text());
            case REQUEST_REVIEW -> steps.request(tenant, itemId, version, actor, OptionalStep.EXPERT_REVIEW, in.comment());
            case RECORD_REVIEW -> steps.record(tenant, itemId, version, actor, OptionalStep.EXPERT_REVIEW, in.text());
            case PUBLISH -> publish.publish(tenant, itemId, version, actor, in.publishAt());
            case TAKE_DOWN -> takeDown.takeDown(tenant, itemId, version, actor, in.text());
            case TAKE_DOWN_WITH_LEGAL_BASIS -> takeDown.takeDownWithLegalBasis(tenant, itemId, version, actor, in.text());
            case ARCHIVE -> archive.archive(tenant, itemId, version, actor, in.comment());
        };
    }
}
