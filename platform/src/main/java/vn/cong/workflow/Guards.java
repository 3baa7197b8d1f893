package vn.cong.workflow;

import vn.cong.accounts.Role;

import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/** The checks every step starts with; each refusal says, in Vietnamese, why and who may. */
final class Guards {

    private Guards() {
    }

    static void state(WorkItem item, String what, ItemState... allowed) {
        if (Arrays.stream(allowed).noneMatch(item::is)) {
            throw new WorkflowRefused("Tin bài đang ở trạng thái «" + item.stateLabel() + "»: không thể " + what + ". "
                    + "Việc này chỉ làm được khi tin bài " + Arrays.stream(allowed).map(s -> "«" + s.label() + "»")
                    .collect(Collectors.joining(" hoặc ")) + ".");
        }
    }

    static void role(Actor actor, Collection<Role> roles, String what) {
        if (!actor.hasAny(roles)) {
            throw new WorkflowRefused("Bạn không có quyền " + what + ": theo quy trình của cổng, việc này dành cho "
                    + ApprovalPolicy.labels(java.util.Set.copyOf(roles)) + ".");
        }
    }

    static String required(String text, String field, String message) {
        if (text == null || text.isBlank()) {
            throw new SubmissionRejected(java.util.Map.of(field, message));
        }
        return text.strip();
    }

    static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
