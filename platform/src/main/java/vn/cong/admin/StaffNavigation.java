package vn.cong.admin;

import io.micronaut.context.BeanContext;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.http.annotation.Controller;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;
import vn.cong.accounts.Role;
import vn.cong.content.kinds.ContentKinds;
import vn.cong.content.kinds.KindDeclaration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The staff area's menu, gathered from the {@link StaffMenu} declarations on the screens' controllers and
 * from the content kinds' declarations ({@link KindDeclaration.MenuEntry}, in the "Nội dung" group), and
 * grouped (Nội dung / Quy trình / Báo cáo / Quản trị); each person sees the entries their roles open.
 */
@Singleton
public class StaffNavigation {

    /** One menu entry: where it leads and who sees it. */
    public record Entry(StaffMenu.Group group, int order, String label, String path, Set<Role> roles, boolean unreadCount) {

        public boolean shownTo(StaffAccount me) {
            return roles.isEmpty() || roles.stream().anyMatch(me::hasRole);
        }

        /** Whether the page at {@code requestPath} belongs to this entry (its address or below it). */
        public boolean current(String requestPath) {
            return requestPath != null && (requestPath.equals(path) || requestPath.startsWith(path + "/"));
        }
    }

    /** A group of the menu as one person sees it. */
    public record Group(String label, List<Entry> entries) {
    }

    private final List<Entry> entries;

    StaffNavigation(BeanContext context, ContentKinds kinds) {
        Map<String, Entry> found = new java.util.LinkedHashMap<>();
        for (var kind : kinds.all()) {
            KindDeclaration d = kind.declaration();
            found.put(d.staffPath(), new Entry(StaffMenu.Group.CONTENT, d.menu().order(), d.menu().label(), d.staffPath(),
                    d.menu().roles().stream().map(Role::of).collect(java.util.stream.Collectors.toUnmodifiableSet()), false));
        }
        // an intercepted controller (CSRF) has two definitions, the proxy and its target: one entry per address
        for (var definition : context.getBeanDefinitions(Qualifiers.byStereotype(StaffMenu.class))) {
            AnnotationValue<StaffMenu> menu = definition.getAnnotation(StaffMenu.class);
            String path = definition.stringValue(Controller.class)
                    .orElseThrow(() -> new IllegalStateException(definition.getBeanType() + ": @StaffMenu needs a @Controller address"));
            found.putIfAbsent(path, new Entry(menu.enumValue("group", StaffMenu.Group.class).orElseThrow(), menu.intValue("order").orElse(0),
                    menu.stringValue("label").orElseThrow(), path, Set.of(menu.enumValues("roles", Role.class)),
                    menu.booleanValue("unreadCount").orElse(false)));
        }
        this.entries = found.values().stream()
                .sorted(Comparator.comparing(Entry::group).thenComparingInt(Entry::order)).toList();
    }

    /** Every declared entry, for tests and the dashboard. */
    public List<Entry> entries() {
        return entries;
    }

    /** The person's own entries ({@link StaffMenu.Group#PERSONAL}), shown beside their name. */
    public List<Entry> personalFor(StaffAccount me) {
        return entries.stream().filter(e -> e.group() == StaffMenu.Group.PERSONAL && e.shownTo(me)).toList();
    }

    /** The groups of the main menu {@code me} sees, each with its visible entries; empty groups are left out. */
    public List<Group> menuFor(StaffAccount me) {
        Map<StaffMenu.Group, List<Entry>> byGroup = new EnumMap<>(StaffMenu.Group.class);
        for (Entry e : entries) {
            if (e.shownTo(me) && e.group() != StaffMenu.Group.PERSONAL) {
                byGroup.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e);
            }
        }
        return byGroup.entrySet().stream().map(g -> new Group(g.getKey().label(), List.copyOf(g.getValue()))).toList();
    }
}
