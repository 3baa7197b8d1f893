package vn.cong.workflow;

import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.Role;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.tenancy.Tenant;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * One person per workflow role in a tenant, for workflow tests: {@code contributor}, {@code editor},
 * {@code approver}, {@code deputy}, {@code head} (passwords {@link #PASSWORD}).
 */
public final class Staff {

    public static final String PASSWORD = "QuyTrinh2026!x";
    public static final Map<Role, String> USERNAMES = Map.of(Role.CONTRIBUTOR, "contributor", Role.EDITOR, "editor",
            Role.APPROVER, "approver", Role.DEPUTY_HEAD, "deputy", Role.HEAD, "head");

    private final Map<Role, Actor> actors = new EnumMap<>(Role.class);

    private Staff() {
    }

    public static Staff create(AccountAdministration accounts, Tenant tenant) {
        Staff staff = new Staff();
        USERNAMES.forEach((role, username) -> {
            long id = accounts.create(tenant, 1, new AccountDetails(username, username + "@" + tenant.code() + ".example.vn",
                            "Người " + username, "Phòng " + username, "Chuyên viên", "024 3943 0000"), Set.of(role), PASSWORD)
                    .block().accountId();
            staff.actors.put(role, new Actor(id, "Người " + username, Set.of(role)));
        });
        return staff;
    }

    public Actor get(Role role) {
        return actors.get(role);
    }

    /** A new draft article written by {@code author}. */
    public static SavedItem draft(Publishing publishing, Tenant tenant, long sectionId, String slug, Actor author) {
        return publishing.saveDraft(tenant, Draft.article(sectionId, "vi", slug, "Tin " + slug, "Tóm tắt.", "<p>Nội dung " + slug + ".</p>",
                author.id())).block();
    }

    public static Submission submission(Sensitivity sensitivity) {
        return new Submission("Phòng Tổng hợp", "Nguyễn Văn Gửi", "Chuyên viên", "gui@donvi.gov.vn", "024 3943 1234",
                sensitivity.db(), null, false, false, null, null);
    }
}
