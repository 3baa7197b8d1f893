package vn.cong.admin.kinds;

import jakarta.inject.Singleton;
import vn.cong.accounts.Role;
import vn.cong.admin.StaffAccount;
import vn.cong.content.kinds.ContentKinds;
import vn.cong.content.kinds.KindDeclaration;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The staff area's names for content kinds: where each kind is edited, what it is called, who publishes.
 * The declared kinds ({@link ContentKinds}) say it in their declarations; articles and the about pages,
 * which have screens of their own, are named here.
 */
@Singleton
public final class StaffKinds {

    /** Who may put an item online, or change one that is online. */
    public static final Role[] PUBLISHERS = {Role.EDITOR, Role.APPROVER, Role.DEPUTY_HEAD, Role.HEAD};

    private static final Map<String, String> STATES = Map.of("draft", "Bản nháp", "published", "Đã đăng");

    private final Map<String, String> editors = new HashMap<>(Map.of("article", "/quan-tri/bai-viet", "page", "/quan-tri/gioi-thieu"));
    private final Map<String, String> names = new HashMap<>(Map.of("article", "Bài viết", "page", "Trang giới thiệu"));
    private final Map<String, String> publicPaths = new HashMap<>(Map.of("article", "/bai-viet/"));

    StaffKinds(ContentKinds kinds) {
        for (var kind : kinds.all()) {
            KindDeclaration d = kind.declaration();
            editors.put(d.kind(), d.staffPath());
            names.put(d.kind(), d.name());
            publicPaths.put(d.kind(), d.publicPath() + "/");
        }
        // answers to questions and petitions in the approval workflow: "edited" on their question's (petition's) page
        for (var answer : vn.cong.engagement.CitizenItem.values()) {
            editors.put(answer.kind(), vn.cong.admin.questions.AnswerPages.PATH);
            names.put(answer.kind(), answer.kindName());
        }
    }

    /** The edit page of an item of {@code kind}; the about pages are edited from their overview. */
    public String editUrl(String kind, long id) {
        return "page".equals(kind) ? editors.get(kind) : editors.getOrDefault(kind, "/quan-tri/bai-viet") + "/" + id;
    }

    /** Where a published item of {@code kind} is read; null for the about pages, whose addresses are their roles. */
    public String publicUrl(String kind, String language, String slug) {
        String path = publicPaths.get(kind);
        return path == null ? null : ("en".equals(language) ? "/en" : "") + path + slug;
    }

    /** The item's page in the approval workflow: submission, history, deadlines. */
    public static String workflowUrl(long id) {
        return "/quan-tri/quy-trinh/" + id;
    }

    public String listUrl(String kind) {
        return editors.getOrDefault(kind, "/quan-tri/bai-viet");
    }

    public String name(String kind) {
        return names.getOrDefault(kind, kind);
    }

    public static String stateLabel(String state) {
        return STATES.getOrDefault(state, vn.cong.workflow.ItemState.labelOf(state));
    }

    /**
     * The states in which the content is what approvers are approving or have approved: a change
     * then would go online unapproved at the publish step, so nobody changes it; it is returned for
     * changes (Trả lại để sửa) before approval, corrected (đính chính) after publishing.
     */
    private static final Set<String> UNDER_APPROVAL = Set.of("awaiting_approval", "approved", "scheduled");

    public static final String UNDER_APPROVAL_REFUSED = "Nội dung đang chờ duyệt hoặc đã được duyệt nên không sửa được nữa: "
            + "nội dung đăng lên phải đúng là nội dung đã duyệt. Nếu cần sửa, người duyệt trả lại để sửa; "
            + "sau khi đăng, dùng chức năng đính chính.";

    /** Anyone on the staff changes drafts; only publishers change what is online; nobody what is under approval. */
    public static boolean mayChange(StaffAccount me, String state) {
        if (UNDER_APPROVAL.contains(state)) {
            return false;
        }
        return !"published".equals(state) || me.hasAnyRole(PUBLISHERS);
    }

    /** Why {@link #mayChange} said no, for the page that refuses. */
    public static String refusal(String state, String publishedRefusal) {
        return UNDER_APPROVAL.contains(state) ? UNDER_APPROVAL_REFUSED : publishedRefusal;
    }
}
