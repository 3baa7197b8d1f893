package vn.cong.admin;

import vn.cong.accounts.Role;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The staff menu entry of a screen, declared on the screen's controller: the menu leads to the controller's
 * own address. {@link StaffNavigation} collects every declaration, so a new screen appears in the menu by
 * saying so where it is written, and the layout never lists screens by hand. The content kinds declare their
 * entries in their {@code KindDeclaration} instead ({@code MenuEntry}); both land in the same menu.
 * <pre>
 * &#64;Controller("/quan-tri/bai-viet")
 * &#64;StaffMenu(group = StaffMenu.Group.CONTENT, order = 10, label = "Bài viết")
 * class ArticlesController { … }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StaffMenu {

    Group group();

    /** Place within the group, smallest first. */
    int order();

    String label();

    /** The roles that see the entry; none means everyone on the staff. */
    Role[] roles() default {};

    /** Whether the entry carries the person's count of unread notifications. */
    boolean unreadCount() default false;

    /** The menu's groups, in the order they are shown. */
    enum Group {
        CONTENT("Nội dung"),
        WORKFLOW("Quy trình"),
        REPORTS("Báo cáo"),
        ADMINISTRATION("Quản trị"),
        /** The person's own account (security, sessions): shown beside their name, not in the main menu. */
        PERSONAL("Tài khoản của bạn");

        private final String label;

        Group(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
