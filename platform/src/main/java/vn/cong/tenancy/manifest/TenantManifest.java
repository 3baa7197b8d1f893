package vn.cong.tenancy.manifest;

import io.micronaut.core.annotation.Nullable;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything needed to bring a portal on board: YAML in {@code tenants/}, JSON over HTTP.
 * See {@code tenants/README.md} for the format. {@code workflow} names the approval policy
 * ({@code most}, {@code haiphong}); absent, the tenant keeps the one it has (new tenants: {@code most}).
 * {@code accounts} sets the tenant's account policy; what it leaves out stays as it is (new tenants: both on).
 * {@code units} declares units by name (see {@link UnitSpec}); units it does not name are left alone.
 * {@code profile} names the regulation preset the tenant follows ({@code most}, {@code moha}, {@code binhdinh},
 * {@code haiphong}); {@code workflow}, when given as well, overrides the preset's approval policy.
 * {@code domain} is a root portal's own base domain (members live under their root's); absent, the configured one.
 */
public record TenantManifest(
        String code,
        Localized name,
        String abbreviation,
        @Nullable String parent,
        List<String> aliases,
        String theme,
        List<SectionSpec> sections,
        @Nullable AdminSpec admin,
        List<LinkedSiteSpec> linkedSites,
        List<ArticleSpec> articles,
        @Nullable String workflow,
        @Nullable AccountsSpec accounts,
        List<UnitSpec> units,
        @Nullable String domain,
        @Nullable GoverningBodySpec governingBody,
        @Nullable String profile,
        List<String> topics) {

    /**
     * A unit of the tenant, by name (added when missing, its details updated when declared): its parent by name, its duties,
     * head, e-mail, whether it must supply items (default true) and whether it is outside the ministry (default false).
     */
    public record UnitSpec(String name, @Nullable String parent, @Nullable String duties, @Nullable String head, @Nullable String email,
                           @Nullable Boolean suppliesItems, @Nullable Boolean outside) {
    }

    /** The governing body (cơ quan chủ quản) the footer names; absent, the parent portal. */
    public record GoverningBodySpec(String vi, String en, @Nullable String url) {
    }

    /**
     * The tenant's account policy: a second factor required for tenant admins, heads and deputy heads, and
     * the security briefing acknowledged by new accounts. Null leaves a setting as it is.
     */
    public record AccountsSpec(@Nullable Boolean mfaForLeaders, @Nullable Boolean securityBriefing) {
    }

    public record Localized(String vi, String en) {
    }

    public record SectionSpec(String slug, Localized name, List<SectionSpec> children) {
    }

    /** The first tenant admin; without a password a one-time set-password link is issued. */
    public record AdminSpec(String username, String email, @Nullable String password) {
    }

    public record LinkedSiteSpec(Localized name, String url) {
    }

    public record ArticleSpec(String slug, String section, String language, boolean featured, String title,
                              String summary, String body, @Nullable String source,
                              @Nullable OffsetDateTime publishedAt) {
    }
}
