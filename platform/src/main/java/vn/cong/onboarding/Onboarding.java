package vn.cong.onboarding;

import io.micronaut.scheduling.TaskExecutors;
import vn.cong.tenancy.PlatformTx;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.accounts.AccountProvisioning;
import vn.cong.accounts.SetPasswordTokens;
import vn.cong.accounts.InitialAdmin;
import vn.cong.content.ContentProvisioning;
import vn.cong.system.Sql;
import vn.cong.tenancy.LostSchemas;
import io.micronaut.core.annotation.Nullable;
import vn.cong.tenancy.ClusterLinks;
import vn.cong.tenancy.DatabaseClusters;
import vn.cong.tenancy.PlatformConfiguration;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.PlatformDatabase;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.SchemaMigrations;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.tenancy.TenantRows;
import vn.cong.tenancy.manifest.FieldError;
import vn.cong.tenancy.manifest.ManifestResult;
import vn.cong.tenancy.manifest.TenantManifest;
import vn.cong.workflow.RegulationPreset;
import vn.cong.workflow.RegulationProfiles;
import vn.cong.workflow.WorkflowPolicies;
import vn.cong.engagement.Units;
import vn.cong.content.classification.Topics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Brings a tenant on board from its manifest, or brings an existing tenant in line with it:
 * registry row and aliases, schema (Flyway), sections, first admin, linked sites, initial articles.
 * Applying the same manifest twice creates nothing twice.
 */
@Singleton
public class Onboarding {

    private static final Logger LOG = LoggerFactory.getLogger(Onboarding.class);

    private final PlatformDatabase platform;
    private final SchemaMigrations migrations;
    private final TenantRegistry registry;
    private final PublicChanges publicChanges;
    private final AccountProvisioning accounts;
    private final ContentProvisioning content;
    private final PlatformConfiguration config;
    private final PublicLinks links;
    private final WorkflowPolicies workflows;
    private final RegulationProfiles profiles;
    private final LostSchemas lostSchemas;
    private final Units units;
    private final Topics topics;
    private final Scheduler blocking;
    private final DatabaseClusters clusters;
    private final ClusterLinks clusterLinks;

    public Onboarding(PlatformDatabase platform, SchemaMigrations migrations, TenantRegistry registry, PublicChanges publicChanges,
                      AccountProvisioning accounts, ContentProvisioning content, PlatformConfiguration config,
                      PublicLinks links, WorkflowPolicies workflows, RegulationProfiles profiles, LostSchemas lostSchemas, Units units, Topics topics,
                      @Named(TaskExecutors.BLOCKING) ExecutorService blocking, DatabaseClusters clusters, ClusterLinks clusterLinks) {
        this.clusters = clusters;
        this.clusterLinks = clusterLinks;
        this.units = units;
        this.topics = topics;
        this.platform = platform;
        this.migrations = migrations;
        this.registry = registry;
        this.publicChanges = publicChanges;
        this.accounts = accounts;
        this.content = content;
        this.config = config;
        this.links = links;
        this.workflows = workflows;
        this.profiles = profiles;
        this.lostSchemas = lostSchemas;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    public Mono<OnboardingReport> onboard(TenantManifest manifest) {
        return onboard(ManifestResult.ok(manifest));
    }

    /**
     * Onboards a parsed manifest. An invalid one is still checked against the other tenants, so the
     * report lists every problem at once (a bad e-mail and a taken host label, say); nothing is applied.
     */
    public Mono<OnboardingReport> onboard(ManifestResult<TenantManifest> parsed) {
        return onboard(parsed, null);
    }

    /**
     * Onboards a parsed manifest; a new tenant's schema goes to the database cluster {@code cluster} (null: the
     * configured default, {@code cong.clusters.default-for-new-tenants}, or the one holding the fewest tenants). An existing tenant stays where it is:
     * moving is {@code TenantMoves}' work.
     */
    public Mono<OnboardingReport> onboard(ManifestResult<TenantManifest> parsed, @Nullable String cluster) {
        long started = System.nanoTime();
        TenantManifest manifest = parsed.value();
        Mono<String> target = cluster == null || cluster.isBlank() ? clusters.forNewTenant() : Mono.just(cluster.strip());
        return target.flatMap(where -> {
            Mono<List<FieldError>> conflicts = manifest == null ? Mono.just(List.of()) : conflicts(manifest);
            Mono<List<FieldError>> unknownCluster = clusters.find(where).map(c -> List.<FieldError>of())
                    .defaultIfEmpty(List.of(new FieldError("cluster", "Không có cụm cơ sở dữ liệu «" + where + "».")));
            return conflicts.zipWith(unknownCluster).flatMap(found -> {
                List<FieldError> errors = new ArrayList<>(parsed.errors());
                errors.addAll(found.getT1());
                errors.addAll(found.getT2());
                return errors.isEmpty()
                        ? apply(manifest, where, started).onErrorResume(R2dbcDataIntegrityViolationException.class, e -> raced(manifest, e))
                        : Mono.just(OnboardingReport.invalid(manifest == null ? null : manifest.code(), errors));
            });
        });
    }

    /** Checks against what other tenants already hold: parent, root of the domain, host label, aliases. */
    private Mono<List<FieldError>> conflicts(TenantManifest m) {
        String code = m.code() == null ? "" : m.code();
        return platform.mono(c -> storedDomain(c, m).flatMap(domain -> Mono.zip(parentProblems(c, m, code),
                        rootProblems(c, m, code, domain), labelProblems(c, m, code, domain), aliasProblems(c, m, code))
                .map(t -> {
                    List<FieldError> all = new ArrayList<>(t.getT1());
                    all.addAll(t.getT2());
                    all.addAll(t.getT3());
                    all.addAll(t.getT4());
                    return all;
                })));
    }

    /**
     * The domain as stored: a root's own ({@code ""} for the configured base domain, so one manifest serves
     * production and local runs), a member's copied from its parent.
     */
    private Mono<String> storedDomain(PlatformTx c, TenantManifest m) {
        if (m.parent() == null) {
            return Mono.just(m.domain() == null || m.domain().equals(config.baseDomain()) ? "" : m.domain());
        }
        return c.one("SELECT coalesce(domain, '') FROM platform.tenants WHERE code = $1", r -> r.get(0, String.class), m.parent())
                .defaultIfEmpty("");
    }

    private String domainName(String stored) {
        return stored.isEmpty() ? config.baseDomain() : stored;
    }

    private Mono<List<FieldError>> parentProblems(PlatformTx c, TenantManifest m, String code) {
        if (m.parent() == null || !Tenant.CODE.matcher(m.parent()).matches()) {
            return Mono.just(List.of());
        }
        // walking up from the parent must never reach this tenant, or the tree would become a loop
        return c.query("""
                        WITH RECURSIVE up AS (
                            SELECT code, parent_code FROM platform.tenants WHERE code = $1
                            UNION SELECT t.code, t.parent_code FROM platform.tenants t JOIN up ON t.code = up.parent_code)
                        SELECT code FROM up""", r -> r.get(0, String.class), m.parent())
                .collectList()
                .map(ancestors -> ancestors.isEmpty()
                        ? List.of(new FieldError("parent", "không có đơn vị cấp trên mã «" + m.parent() + "»"))
                        : ancestors.contains(code)
                        ? List.of(new FieldError("parent", "đơn vị «" + m.parent() + "» đang trực thuộc «" + code
                                + "»: không thể làm đơn vị cấp trên của nó"))
                        : List.of());
    }

    /**
     * One root portal per domain: the root answers on the bare domain and {@code www.}, so a second
     * tenant without a parent on the same domain would take them over (the database refuses it as well).
     * A root's domain may not lie inside another root's (its members' labels would collide), nor hold one.
     */
    private Mono<List<FieldError>> rootProblems(PlatformTx c, TenantManifest m, String code, String domain) {
        String name = domainName(domain);
        if (m.parent() != null) {
            if (m.abbreviation() == null || !m.abbreviation().equals("www")) {
                return Mono.just(List.of());
            }
            // the root itself asking for a parent is a question for the parent checks, not this one
            return c.query("SELECT code FROM platform.tenants WHERE code = $1 AND parent_code IS NULL", r -> r.get(0, String.class), code)
                    .hasElements()
                    .map(isRoot -> isRoot ? List.<FieldError>of() : List.of(new FieldError("abbreviation", "tên miền «www."
                            + name + "» là của cổng gốc; cổng thành viên dùng nhãn riêng")));
        }
        Flux<FieldError> sameDomain = c.query("SELECT code FROM platform.tenants WHERE parent_code IS NULL AND code <> $1 AND coalesce(domain, '') = $2",
                        r -> r.get(0, String.class), code, domain)
                .map(root -> new FieldError("parent", "tên miền " + name + " đã có cổng gốc «" + root
                        + "»; cổng này phải có đơn vị cấp trên (parent) hoặc tên miền riêng (domain)"));
        Flux<FieldError> overlapping = c.query("SELECT DISTINCT coalesce(domain, '') FROM platform.tenants WHERE parent_code IS NULL AND code <> $1",
                        r -> r.get(0, String.class), code)
                .map(this::domainName)
                .filter(other -> !other.equals(name) && (name.endsWith("." + other) || other.endsWith("." + name)))
                .map(other -> new FieldError("domain", "tên miền " + name + " chồng lên tên miền " + other + " của một cổng gốc khác"));
        Flux<FieldError> platformHost = name.equals(config.operatorHost()) || config.operatorHost().endsWith("." + name) && !name.equals(config.baseDomain())
                ? Flux.just(new FieldError("domain", "tên miền " + name + " chứa trang vận hành của nền tảng"))
                : Flux.empty();
        return sameDomain.concatWith(overlapping).concatWith(platformHost).collectList();
    }

    private Mono<List<FieldError>> labelProblems(PlatformTx c, TenantManifest m, String code, String domain) {
        if (m.abbreviation() == null) {
            return Mono.just(List.of());
        }
        String host = m.abbreviation() + "." + domainName(domain);
        if (host.equals(config.operatorHost()) || host.equals("status." + domainName(domain))) {
            return Mono.just(List.of(new FieldError("abbreviation", "tên miền «" + host
                    + "» dành riêng cho nền tảng (trang vận hành, trang trạng thái)")));
        }
        return c.query("SELECT code FROM platform.tenants WHERE abbreviation = $1 AND coalesce(domain, '') = $2 AND code <> $3",
                        r -> r.get(0, String.class), m.abbreviation(), domain, code)
                .map(other -> new FieldError("abbreviation", "tên miền «" + host + "» đã được dùng cho một cổng khác"))
                .collectList();
    }

    private Mono<List<FieldError>> aliasProblems(PlatformTx c, TenantManifest m, String code) {
        return Flux.fromIterable(m.aliases())
                .concatMap(alias -> c.query("SELECT tenant_code FROM platform.domain_aliases WHERE host = $1 AND tenant_code <> $2",
                                r -> r.get(0, String.class), alias, code)
                        .map(other -> new FieldError("aliases", "tên miền «" + alias + "» đã được dùng cho một cổng khác")))
                .concatWith(c.query("SELECT DISTINCT coalesce(domain, '') FROM platform.tenants", r -> r.get(0, String.class))
                        .map(this::domainName)
                        .concatWith(Mono.just(config.baseDomain()))
                        .concatWith(Mono.justOrEmpty(m.parent() == null ? m.domain() : null))
                        .distinct()
                        .collectList()
                        .flatMapMany(domains -> Flux.fromIterable(m.aliases())
                                .filter(alias -> domains.stream().anyMatch(d -> alias.equals(d) || alias.endsWith("." + d)))
                                .map(alias -> new FieldError("aliases", "tên miền «" + alias
                                        + "» thuộc tên miền của một cổng gốc trên nền tảng; hãy dùng trường abbreviation"))))
                .collectList();
    }

    /** Two manifests claiming the same host label or alias at the same moment: the database let one through. */
    private Mono<OnboardingReport> raced(TenantManifest m, R2dbcDataIntegrityViolationException e) {
        LOG.warn("Tenant {}: onboarding lost a race for a unique host: {}", m.code(), e.getMessage());
        return Mono.just(OnboardingReport.invalid(m.code(), List.of(new FieldError("",
                "một cổng khác vừa nhận cùng tên miền hoặc mã; hãy kiểm tra lại và gửi lại khai báo"))));
    }

    private Mono<OnboardingReport> apply(TenantManifest m, String cluster, long started) {
        String schema = Tenant.schemaFor(m.code());
        return platform.mono(c -> upsertTenant(c, m, schema, cluster)
                        // the row just written, read whole in this transaction: its per-tenant rows are bound to it
                        .flatMap(changes -> registry.read(c, m.code()).map(c::forTenant).flatMap(rows -> syncAliases(rows, m)).map(aliasChange -> {
                            if (aliasChange && !changes.created()) {
                                changes.updated().add("aliases");
                            }
                            return changes;
                        }))
                        .flatMap(changes -> registry.read(c, m.code()).map(c::forTenant).flatMap(rows -> syncLinkedSites(rows, m)).map(linkedChange -> {
                            if (linkedChange && !changes.created()) {
                                changes.updated().add("linkedSites");
                            }
                            return changes;
                        })))
                .flatMap(changes -> migrate(m.code(), schema, changes.created()).flatMap(migrationStatus -> {
                    if (!"ok".equals(migrationStatus)) {
                        return publicChanges.refreshEveryNode().thenReturn(new OnboardingReport(m.code(), changes.created(),
                                changes.updated(), 0, 0, false, null, migrationStatus, elapsed(started), List.of()));
                    }
                    return registry.reload().then(Mono.defer(() -> provision(m, changes, started)));
                }));
    }

    private Mono<OnboardingReport> provision(TenantManifest m, TenantChanges changes, long started) {
        Tenant tenant = registry.findByCode(m.code()).orElseThrow();
        Mono<Long> sections = content.ensureSections(tenant, m.sections());
        Mono<InitialAdmin> admin = m.admin() == null ? Mono.just(new InitialAdmin("", false, null))
                : accounts.ensureAdmin(tenant, m.admin().username(), m.admin().email(), m.admin().password());
        // the profile first, then `workflow:` overriding its approval policy
        Mono<Boolean> profile = m.profile() == null ? Mono.just(false)
                : profiles.follow(tenant, RegulationPreset.of(m.profile()).orElseThrow());
        Mono<Boolean> workflow = m.workflow() == null ? Mono.just(false) : workflows.choose(tenant, m.workflow());
        Mono<Boolean> policy = m.accounts() == null ? Mono.just(false)
                : accounts.applyPolicy(tenant, m.accounts().mfaForLeaders(), m.accounts().securityBriefing());
        Mono<Boolean> declaredUnits = units.declare(tenant, m.units().stream()
                .map(u -> new Units.Declared(u.name(), u.parent(), u.duties(), u.head(), u.email(), u.suppliesItems(), u.outside())).toList());
        Mono<Long> declaredTopics = topics.declare(tenant, Topics.expand(m.topics()));
        return profile.doOnNext(chosen -> {
                    if (chosen && !changes.created()) {
                        changes.updated().add("profile");
                    }
                })
                .then(workflow)
                .doOnNext(chosen -> {
                    if (chosen && !changes.created()) {
                        changes.updated().add("workflow");
                    }
                })
                .then(policy)
                .doOnNext(changed -> {
                    if (changed && !changes.created()) {
                        changes.updated().add("accounts");
                    }
                })
                .then(declaredUnits)
                .doOnNext(changed -> {
                    if (changed && !changes.created()) {
                        changes.updated().add("units");
                    }
                })
                .then(declaredTopics)
                .doOnNext(added -> {
                    if (added > 0 && !changes.created()) {
                        changes.updated().add("topics");
                    }
                })
                .then(sections)
                .flatMap(changed -> content.ensureArticles(tenant, m.articles())
                        .flatMap(added -> admin.map(a -> {
                            String link = a.setPasswordToken() == null ? null
                                    : links.tenant(tenant, SetPasswordTokens.path(a.setPasswordToken()));
                            if (link != null) {
                                // the link itself goes only to the account's address (the outbox) and into the report, never to a log
                                LOG.info("Tenant {}: one-time set-password link issued for {}, e-mailed to the account's address",
                                        m.code(), a.username());
                            }
                            return new OnboardingReport(m.code(), changes.created(), changes.updated(), changed, added,
                                    a.created(), link, "ok", elapsed(started), List.of());
                        })))
                // a changed tenant shows its new sections and names at once, and so does its parent, whose home page lists it
                .flatMap(report -> (report.changedAnything()
                        ? publicChanges.inPlatform((c, change) -> change.pagesOfTenantAndParent(m.code())).then() : Mono.<Void>empty())
                        .thenReturn(report));
    }

    private Mono<TenantChanges> upsertTenant(PlatformTx c, TenantManifest m, String schema, String cluster) {
        return storedDomain(c, m).flatMap(stored -> upsertTenant(c, m, schema, stored.isEmpty() ? null : stored, cluster));
    }

    private Mono<TenantChanges> upsertTenant(PlatformTx c, TenantManifest m, String schema, String domain, String cluster) {
        var body = m.governingBody();
        String bodyVi = body == null ? null : body.vi();
        String bodyEn = body == null ? null : body.en();
        String bodyUrl = body == null ? null : body.url();
        return c.one("""
                        SELECT name_vi, name_en, abbreviation, parent_code, theme, domain, governing_body_vi, governing_body_en,
                               governing_body_url
                        FROM platform.tenants WHERE code = $1 FOR UPDATE""",
                        r -> new String[]{r.get(0, String.class), r.get(1, String.class), r.get(2, String.class),
                                r.get(3, String.class), r.get(4, String.class), r.get(5, String.class), r.get(6, String.class),
                                r.get(7, String.class), r.get(8, String.class)}, m.code())
                .flatMap(existing -> {
                    List<String> updated = new ArrayList<>();
                    String[] wanted = {m.name().vi(), m.name().en(), m.abbreviation(), m.parent(), m.theme(), domain, bodyVi, bodyEn, bodyUrl};
                    String[] names = {"name.vi", "name.en", "abbreviation", "parent", "theme", "domain", "governingBody", "governingBody",
                            "governingBody"};
                    for (int i = 0; i < names.length; i++) {
                        if (!java.util.Objects.equals(existing[i], wanted[i]) && !updated.contains(names[i])) {
                            updated.add(names[i]);
                        }
                    }
                    if (updated.isEmpty()) {
                        return Mono.just(new TenantChanges(false, updated));
                    }
                    return c.update("""
                                    UPDATE platform.tenants SET name_vi = $2, name_en = $3, abbreviation = $4, parent_code = $5,
                                        theme = $6, domain = $7, governing_body_vi = $8, governing_body_en = $9, governing_body_url = $10,
                                        updated_at = now() WHERE code = $1""",
                                    m.code(), m.name().vi(), m.name().en(), m.abbreviation(), Sql.orNull(m.parent(), String.class), m.theme(),
                                    Sql.orNull(domain, String.class), Sql.orNull(bodyVi, String.class), Sql.orNull(bodyEn, String.class),
                                    Sql.orNull(bodyUrl, String.class))
                            .then(updated.contains("domain") ? moveMembers(c, m.code(), domain) : Mono.empty())
                            .thenReturn(new TenantChanges(false, updated));
                })
                .switchIfEmpty(Mono.defer(() -> c.update("""
                                INSERT INTO platform.tenants (code, name_vi, name_en, abbreviation, parent_code, schema_name, theme, domain,
                                    governing_body_vi, governing_body_en, governing_body_url, database_name)
                                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)""",
                        m.code(), m.name().vi(), m.name().en(), m.abbreviation(), Sql.orNull(m.parent(), String.class), schema, m.theme(),
                        Sql.orNull(domain, String.class), Sql.orNull(bodyVi, String.class), Sql.orNull(bodyEn, String.class),
                        Sql.orNull(bodyUrl, String.class), cluster)
                        .thenReturn(new TenantChanges(true, new ArrayList<>()))));
    }

    /** A tenant that moved to another domain takes every member below it along. */
    private Mono<Long> moveMembers(PlatformTx c, String code, String domain) {
        return c.update("""
                WITH RECURSIVE below AS (
                    SELECT code FROM platform.tenants WHERE parent_code = $1
                    UNION SELECT t.code FROM platform.tenants t JOIN below ON t.parent_code = below.code)
                UPDATE platform.tenants SET domain = $2, updated_at = now() WHERE code IN (SELECT code FROM below)""",
                code, Sql.orNull(domain, String.class));
    }

    private Mono<Boolean> syncAliases(TenantRows rows, TenantManifest m) {
        return rows.update("DELETE FROM platform.domain_aliases WHERE tenant_code = $1 AND NOT (host = ANY($2))",
                        (Object) m.aliases().toArray(String[]::new))
                .flatMap(removed -> Flux.fromIterable(m.aliases())
                        .concatMap(alias -> rows.update("INSERT INTO platform.domain_aliases (tenant_code, host) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                                alias))
                        .reduce(removed, Long::sum))
                .map(n -> n > 0);
    }

    private Mono<Boolean> syncLinkedSites(TenantRows rows, TenantManifest m) {
        String[] urls = m.linkedSites().stream().map(TenantManifest.LinkedSiteSpec::url).toArray(String[]::new);
        return rows.update("DELETE FROM platform.linked_sites WHERE tenant_code = $1 AND NOT (url = ANY($2))", (Object) urls)
                .flatMap(removed -> Flux.range(0, m.linkedSites().size())
                        .concatMap(i -> {
                            var site = m.linkedSites().get(i);
                            return rows.update("""
                                    INSERT INTO platform.linked_sites (tenant_code, name_vi, name_en, url, position) VALUES ($1, $2, $3, $4, $5)
                                    ON CONFLICT (tenant_code, url) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en,
                                        position = excluded.position
                                    WHERE (linked_sites.name_vi, linked_sites.name_en, linked_sites.position)
                                          IS DISTINCT FROM (excluded.name_vi, excluded.name_en, excluded.position)""",
                                    site.name().vi(), site.name().en(), site.url(), i);
                        })
                        .reduce(removed, Long::sum))
                .map(n -> n > 0);
    }

    /**
     * Runs Flyway for the tenant (blocking JDBC, off the event loop) and records the outcome. A schema
     * that was migrated before and is gone is not re-created empty: the tenant is marked missing and
     * waits for a restore.
     */
    private Mono<String> migrate(String code, String schema, boolean created) {
        record Stored(boolean migratedBefore, String database) {
        }
        Mono<Stored> stored = platform.mono(c -> c.one("SELECT schema_migrated_at IS NOT NULL, database_name FROM platform.tenants WHERE code = $1",
                r -> new Stored(!created && Boolean.TRUE.equals(r.get(0, Boolean.class)), r.get(1, String.class)), code));
        return stored.flatMap(found -> Mono.fromCallable(() -> {
                    // the tenant's own cluster: made ready (platform tables linked) before its first schema there
                    if (!Tenant.DEFAULT_DATABASE.equals(found.database())) {
                        clusterLinks.prepareIfStale(found.database(), migrations.platformVersion());
                    }
                    var where = clusters.jdbc(found.database());
                    if (found.migratedBefore() && !migrations.schemaExists(where, schema)) {
                        return "missing";
                    }
                    migrations.migrateTenant(where, schema);
                    return "ok";
                }).subscribeOn(blocking))
                .onErrorResume(e -> {
                    LOG.error("Tenant {}: schema migration failed", code, e);
                    return Mono.just("failed: " + e.getMessage());
                })
                .flatMap(status -> status.equals("missing")
                        ? lostSchemas.markMissing(code, schema, "áp dụng lại bản khai báo")
                                .thenReturn("missing: lược đồ " + schema + " đã mất; hãy khôi phục cổng từ bản sao lưu")
                        : platform.mono(c -> c.update("""
                                UPDATE platform.tenants SET migration_status = $2, migration_error = $3,
                                    schema_migrated_at = CASE WHEN $2 = 'ok' THEN coalesce(schema_migrated_at, now()) ELSE schema_migrated_at END
                                WHERE code = $1""",
                        code, status.equals("ok") ? "ok" : "failed", Sql.orNull(status.equals("ok") ? null : status, String.class)))
                        .thenReturn(status));
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private record TenantChanges(boolean created, List<String> updated) {
    }
}
