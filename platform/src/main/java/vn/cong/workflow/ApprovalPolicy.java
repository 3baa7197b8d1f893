package vn.cong.workflow;

import vn.cong.accounts.Role;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tenant's approval policy as read from its rows (Wagtail's Workflow): who edits, the ordered
 * approval levels, how many of them each sensitivity needs, who publishes and who takes down.
 */
public record ApprovalPolicy(String code, String name, String description, Set<Role> editorRoles, Set<Role> publisherRoles,
                             Set<Role> takedownRoles, String deadlinePreset, List<ApprovalLevel> levels,
                             Map<Sensitivity, Integer> levelsBySensitivity,
                             vn.cong.workflow.deadline.DeadlineReadings deadlineReadings) {

    /** A policy with the standard readings of ambiguous days and hours. */
    public ApprovalPolicy(String code, String name, String description, Set<Role> editorRoles, Set<Role> publisherRoles,
                          Set<Role> takedownRoles, String deadlinePreset, List<ApprovalLevel> levels,
                          Map<Sensitivity, Integer> levelsBySensitivity) {
        this(code, name, description, editorRoles, publisherRoles, takedownRoles, deadlinePreset, levels, levelsBySensitivity,
                vn.cong.workflow.deadline.DeadlineReadings.standard());
    }

    /** The same policy with the tenant's deadline rules and readings (its regulation profile). */
    ApprovalPolicy withDeadlines(String preset, vn.cong.workflow.deadline.DeadlineReadings readings) {
        return new ApprovalPolicy(code, name, description, editorRoles, publisherRoles, takedownRoles, preset, levels,
                levelsBySensitivity, readings);
    }

    public ApprovalPolicy {
        editorRoles = Set.copyOf(editorRoles);
        publisherRoles = Set.copyOf(publisherRoles);
        takedownRoles = Set.copyOf(takedownRoles);
        levels = List.copyOf(levels);
        levelsBySensitivity = Map.copyOf(levelsBySensitivity);
    }

    public Optional<ApprovalLevel> level(int position) {
        return levels.stream().filter(l -> l.position() == position).findFirst();
    }

    /** How many levels (from the first up) must approve an item of this sensitivity. */
    public int requiredLevels(Sensitivity sensitivity) {
        return Math.min(levelsBySensitivity.getOrDefault(sensitivity, levels.size()), levels.size());
    }

    /** Every role that acts at some approval level. */
    public Set<Role> approverRoles() {
        return levels.stream().flatMap(l -> l.roles().stream()).collect(Collectors.toUnmodifiableSet());
    }

    /** Who edits, as the pages name them. */
    public String editorRolesText() {
        return labels(editorRoles);
    }

    static String labels(Set<Role> roles) {
        return roles.stream().sorted().map(Role::label).collect(Collectors.joining(", "));
    }
}
