package vn.cong.demo;

import vn.cong.site.SectionNode;
import vn.cong.site.SiteStructures;
import vn.cong.themes.MenuEntry;
import vn.cong.themes.ThemeSelection;
import vn.cong.themes.ThemeVersions;

import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import java.nio.charset.StandardCharsets;
import io.micronaut.core.annotation.Nullable;
import reactor.core.publisher.Mono;
import vn.cong.reports.imports.ItemImport;
import vn.cong.content.classification.Topics;
import vn.cong.accounts.Account;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.Role;
import vn.cong.engagement.Units;
import vn.cong.content.ContentCatalog;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.content.about.AboutEntries;
import vn.cong.content.about.AboutPages;
import vn.cong.content.about.StandingRole;
import vn.cong.content.attachments.Attachments;
import vn.cong.content.consultations.ConsultationFields;
import vn.cong.content.consultations.Consultations;
import vn.cong.content.documents.DocumentFields;
import vn.cong.content.documents.LegalDocuments;
import vn.cong.content.legal.LegalNotice;
import vn.cong.content.legal.LegalNotices;
import vn.cong.content.procedures.ProcedureFields;
import vn.cong.content.procedures.ProcessingFigures;
import vn.cong.content.procedures.Procedures;
import vn.cong.content.library.MediaLibrary;
import vn.cong.ops.backup.BackupHistory;
import vn.cong.ops.backup.BackupJobs;
import vn.cong.reports.produced.CadencePeriod;
import vn.cong.reports.produced.ProducedReport;
import vn.cong.reports.produced.ProducedReports;
import vn.cong.reports.produced.ReportKind;
import vn.cong.reports.reminders.UnitReminders;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.Actor;
import vn.cong.workflow.ApproveItem;
import vn.cong.workflow.Outcome;
import vn.cong.workflow.SendForApproval;
import vn.cong.workflow.SubmitItem;
import vn.cong.workflow.Submission;
import vn.cong.workflow.TakeForEditing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Loads one tenant's {@link DemoFile} through the platform's own services, acting as the tenant's demo
 * staff: the tenant admin creates accounts and publishes the registries, the contributor submits the
 * workflow items and the editor and approver move them on. Whatever exists already is left alone.
 */
@Singleton
class DemoTenant {

    /** What one load added. */
    record Report(int staff, int covers, int documents, int consultations, int procedures, int aboutEntries, int waiting,
                  boolean backupStarted) {
        @Override
        public String toString() {
            return staff + " staff, " + covers + " cover images, " + documents + " documents, " + consultations + " consultation drafts, "
                    + procedures + " procedures, " + aboutEntries + " about entries, " + waiting + " items in the workflow"
                    + (backupStarted ? ", first backup started" : "") + " added";
        }
    }


    private final AccountAdministration accounts;
    private final DemoGalleries galleries;
    private final ContentCatalog catalog;
    private final Publishing publishing;
    private final LegalDocuments documents;
    private final Consultations consultations;
    private final Procedures procedures;
    private final AboutPages about;
    private final Units units;
    private final vn.cong.engagement.Questions questions;
    private final vn.cong.engagement.QuestionDesk questionDesk;
    private final DemoEngagement engagement;
    private final DemoSubscriptions subscriptions;
    private final DemoApprovals approvals;
    private final Attachments attachments;
    private final MediaLibrary library;
    private final SubmitItem submit;
    private final TakeForEditing take;
    private final SendForApproval send;
    private final ApproveItem approve;
    private final BackupJobs backups;
    private final BackupHistory backupHistory;
    private final DemoConfiguration config;
    private final Clock clock;
    private final ThemeVersions themeVersions;
    private final SiteStructures structures;
    private final LegalNotices legalNotices;
    private final ProcessingFigures figures;
    private final UnitReminders reminders;

    private final Topics topics;
    private final ItemImport itemImport;
    private final DemoRetention retention;
    private final DemoTimedNotices timedNotices;
    private final ProducedReports producedReports;
    private final vn.cong.reports.royalties.Royalties royalties;
    private final vn.cong.content.library.PictureFraming framing;

    DemoTenant(AccountAdministration accounts, ContentCatalog catalog, Publishing publishing, LegalDocuments documents,
               Consultations consultations, Procedures procedures, AboutPages about, Attachments attachments, MediaLibrary library,
               SubmitItem submit, TakeForEditing take, SendForApproval send, ApproveItem approve, BackupJobs backups,
               BackupHistory backupHistory, DemoConfiguration config, Clock clock, ThemeVersions themeVersions,
               SiteStructures structures, Units units, vn.cong.engagement.Questions questions,
               vn.cong.engagement.QuestionDesk questionDesk, LegalNotices legalNotices, ProcessingFigures figures,
               UnitReminders reminders, DemoEngagement engagement, Topics topics, ItemImport itemImport, DemoRetention retention,
               DemoSubscriptions subscriptions, ProducedReports producedReports, DemoApprovals approvals,
               vn.cong.reports.royalties.Royalties royalties, DemoTimedNotices timedNotices,
               vn.cong.content.library.PictureFraming framing, DemoGalleries galleries) {
        this.timedNotices = timedNotices;
        this.framing = framing;
        this.galleries = galleries;
        this.producedReports = producedReports;
        this.royalties = royalties;
        this.engagement = engagement;
        this.retention = retention;
        this.subscriptions = subscriptions;
        this.approvals = approvals;
        this.legalNotices = legalNotices;
        this.figures = figures;
        this.reminders = reminders;
        this.topics = topics;
        this.itemImport = itemImport;
        this.themeVersions = themeVersions;
        this.structures = structures;
        this.units = units;
        this.questions = questions;
        this.questionDesk = questionDesk;
        this.accounts = accounts;
        this.catalog = catalog;
        this.publishing = publishing;
        this.documents = documents;
        this.consultations = consultations;
        this.procedures = procedures;
        this.about = about;
        this.attachments = attachments;
        this.library = library;
        this.submit = submit;
        this.take = take;
        this.send = send;
        this.approve = approve;
        this.backups = backups;
        this.backupHistory = backupHistory;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Published questions and answers, taken in by the tenant's Q&A desk (the first account holding that role), forwarded
     * to the named units, answered by them, and their answers sent through the tenant's approval policy: published, or (a
     * question marked {@code approval: waiting}) left waiting for the approvers. Only when the tenant has no question yet.
     */
    private Mono<Long> questionsOf(Tenant tenant, List<DemoFile.Question> wanted, List<Account> staff) {
        Account deskAccount = staff.stream().filter(a -> a.hasRole(Role.QA_DESK)).findFirst().orElse(null);
        if (wanted.isEmpty() || deskAccount == null) {
            return Mono.just(0L);
        }
        vn.cong.workflow.Actor desk = new vn.cong.workflow.Actor(deskAccount.id(), deskAccount.fullName(), deskAccount.roles());
        return questions.any(tenant).flatMap(any -> any ? Mono.just(0L) : Flux.fromIterable(wanted).concatMap(q ->
                Flux.fromIterable(q.units()).concatMap(name -> units.named(tenant, name))
                        .filter(java.util.Optional::isPresent).map(u -> u.get().id()).collectList()
                        .flatMap(unitIds -> questions.takeIn(tenant, "vi", q.title(), q.body(), q.askerName(), q.topic())
                                .flatMap(id -> questionDesk.forward(tenant, id, unitIds, desk)
                                        .then(Flux.fromIterable(unitIds).concatMap(u -> questionDesk.answer(tenant, id, u, q.answer(), desk)).then())
                                        .then(questionDesk.detail(tenant, id, desk))
                                        // through the tenant's approval policy: published, or left waiting for the approvers
                                        .flatMap(d -> questionDesk.sendForApproval(tenant, id, d.orElseThrow().question().answerHtml(),
                                                q.waiting() ? "sensitive" : "routine", null, desk))
                                        .flatMap(o -> approvals.through(tenant, o, staff, !q.waiting()))
                                        .thenReturn(1)))).count());
    }

    /** Processing figures of the demo's procedures, entered by the tenant admin; only on a tenant without any. */
    private Mono<Integer> serviceFiguresOf(Tenant tenant, long adminId, List<DemoFile.ServiceFigures> wanted) {
        if (wanted.isEmpty()) {
            return Mono.just(0);
        }
        YearMonth thisMonth = YearMonth.now(clock.withZone(VietnamTime.ZONE));
        StringBuilder csv = new StringBuilder("thu_tuc,thang,tiep_nhan,da_giai_quyet,dung_han,tre_han\n");
        wanted.forEach(f -> csv.append(f.procedure()).append(',').append(thisMonth.minusMonths(f.monthsAgo())).append(',').append(f.received())
                .append(',').append(f.processed()).append(',').append(f.onTime()).append(',').append(f.late()).append('\n'));
        return figures.any(tenant).flatMap(any -> any ? Mono.just(0) : figures.importCsv(tenant, adminId, true, csv.toString()));
    }

    /** The board's reminders to the units named, recorded by the tenant admin; only on a tenant without any. */
    private Mono<Long> remindersOf(Tenant tenant, long adminId, List<DemoFile.Reminder> wanted) {
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        return reminders.any(tenant).flatMap(any -> any ? Mono.just(0L) : Flux.fromIterable(wanted).concatMap(r -> units.named(tenant, r.unit())
                .flatMap(unit -> unit.map(u -> reminders.record(tenant, adminId, new UnitReminders.Entry(String.valueOf(u.id()),
                                today.minusDays(r.daysAgo()).toString(), r.reason())))
                        .orElseGet(() -> Mono.error(new IllegalArgumentException("reminders: no unit " + r.unit())))))
                .count());
    }

    /**
     * On a tenant with a classified history and no produced report yet: the contribution report of the last period of
     * its cadence that has ended (MOST: the last half-year; Hải Phòng: last month), produced and signed off by the head,
     * and the last quarter's account report waiting for the head.
     */
    private Mono<Void> producedReportsOf(Tenant tenant, boolean history, List<Account> all) {
        Account head = all.stream().filter(a -> a.hasRole(Role.HEAD)).findFirst().orElse(null);
        if (!history || head == null) {
            return Mono.empty();
        }
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        java.time.Instant now = clock.instant();
        return producedReports.list(tenant, java.util.EnumSet.allOf(ProducedReport.State.class)).flatMap(any -> !any.isEmpty() ? Mono.<Void>empty()
                : producedReports.lastEnded(tenant, today).flatMap(period -> producedReports.produce(tenant, ReportKind.CONTRIBUTION, period, now))
                .flatMap(id -> id.isEmpty() ? Mono.<Void>empty() : producedReports.sign(tenant, id.get(),
                        new vn.cong.workflow.Actor(head.id(), head.fullName(), head.roles()), now).then())
                .then(producedReports.produce(tenant, ReportKind.ACCOUNTS, CadencePeriod.holding(CadencePeriod.Kind.QUARTER, today.minusMonths(3)), now))
                .then());
    }

    /** The head's royalty assessment of every published item, so the royalty statement is full; only on a tenant without any. */
    private Mono<Long> royaltiesOf(Tenant tenant, List<Account> staff) {
        return staff.stream().filter(a -> a.hasRole(Role.HEAD)).findFirst()
                .map(head -> royalties.assessForDemo(tenant, head.id(),
                        staff.stream().filter(a -> a.hasRole(Role.EDITOR)).map(Account::fullName).toList()))
                .orElseGet(() -> Mono.just(0L));
    }

    /** Loads {@code content} into {@code tenant}; files named in it are read from {@code mediaDir}. */
    Mono<Report> load(Tenant tenant, DemoFile content, Path mediaDir) {
        MediaFolder files = new MediaFolder(mediaDir);
        return accounts.list(tenant).collectList().flatMap(existing -> {
            Account admin = existing.stream().filter(a -> a.hasRole(Role.TENANT_ADMIN)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("tenant " + tenant.code() + " has no tenant admin"));
            return staff(tenant, admin, existing, content.staff()).flatMap(staff -> accounts.list(tenant).collectList().flatMap(all -> {
                Map<String, Account> byUsername = new HashMap<>();
                all.forEach(a -> byUsername.put(a.username(), a));
                long actor = admin.id();
                return catalog.slugsTaken(tenant, "vi").flatMap(taken -> covers(tenant, actor, content.covers(), files)
                        .zipWith(documents(tenant, actor, fresh(content.documents(), DemoFile.Document::slug, taken), files))
                        .flatMap(t -> consultationsOf(tenant, actor, fresh(content.consultations(), DemoFile.Consultation::slug, taken), files).flatMap(cons ->
                                proceduresOf(tenant, actor, fresh(content.procedures(), DemoFile.Procedure::slug, taken), files).flatMap(procs ->
                                        aboutOf(tenant, actor, content.about()).flatMap(ab -> history(tenant, content.history(), mediaDir.getParent()).thenReturn(ab)).flatMap(ab ->
                                                waiting(tenant, fresh(content.waiting(), DemoFile.Waiting::slug, taken), byUsername)
                                                        .flatMap(wait -> questionsOf(tenant, content.questions(), all)
                                                                .then(serviceFiguresOf(tenant, actor, content.serviceFigures()))
                                                                .then(remindersOf(tenant, actor, content.reminders()))
                                                                .then(producedReportsOf(tenant, content.history() != null, all))
                                                                .then(royaltiesOf(tenant, all))
                                                                .then(engagement.load(tenant, content.consultations(), content.petitions(), all))
                                                                .then(retention.load(tenant, content.retention(), all))
                                                                .then(subscriptions.load(tenant, content.subscriptions(), content.translations(), actor))
                                                                .then(timedNotices.load(tenant, content.timedNotices(), taken, actor))
                                                                .then(galleries.load(tenant, content.galleries(), mediaDir, actor))
                                                                .thenReturn(wait)).flatMap(wait ->
                                                        menu(tenant, actor, all, content.menu()).then(legal(tenant, actor, content.legal())).then(firstBackup(tenant))
                                                                .map(backup -> new Report(staff, t.getT1(), t.getT2(),
                                                                cons, procs, ab, wait, backup))))))));
            }));
        });
    }

    /** The footer's legal block, only where the tenant admin has not written one. */
    private Mono<Void> legal(Tenant tenant, long adminId, @io.micronaut.core.annotation.Nullable LegalNotice notice) {
        if (notice == null) {
            return Mono.empty();
        }
        return legalNotices.of(tenant).flatMap(current -> current.isEmpty() ? legalNotices.save(tenant, adminId, notice) : Mono.empty());
    }

    /** The topic list and the classified history the contribution report shows (after the units exist). */
    private Mono<Void> history(Tenant tenant, @Nullable DemoFile.History history, Path demoDir) {
        if (history == null) {
            return Mono.empty();
        }
        return topics.declare(tenant, history.topics())
                .then(Mono.fromCallable(() -> Files.readString(demoDir.resolve(history.file()), StandardCharsets.UTF_8))
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()))
                .flatMap(text -> itemImport.importItems(tenant, text, "demo:" + history.file()))
                .flatMap(result -> result.ok() ? Mono.<Void>empty()
                        : Mono.error(new IllegalArgumentException("demo history " + history.file() + ": " + result.errors())));
    }

    /**
     * The demo's main menu as a theme version: the admin drafts and submits it, the head approves it (it goes live),
     * as the staff would. Only on a tenant that has no theme version yet, so nothing its staff did is touched.
     */
    private Mono<Void> menu(Tenant tenant, long adminId, List<Account> all, List<DemoFile.MenuLine> lines) {
        if (lines.isEmpty()) {
            return Mono.empty();
        }
        long approver = all.stream().filter(a -> a.hasRole(Role.HEAD)).map(Account::id).findFirst().orElse(adminId);
        return themeVersions.list(tenant).filter(List::isEmpty)
                .flatMap(none -> structures.of(tenant))
                .flatMap(structure -> {
                    List<MenuEntry> menu = new ArrayList<>();
                    java.util.Set<Long> named = new java.util.HashSet<>();
                    for (DemoFile.MenuLine line : lines) {
                        if (line.section() != null) {
                            SectionNode node = structure.bySlug().get(line.section());
                            if (node == null || node.parentId() != null) {
                                return Mono.error(new IllegalArgumentException("menu: no top-level section " + line.section()));
                            }
                            named.add(node.id());
                            menu.add(new MenuEntry(node.id(), true));
                        } else if (line.registry() != null) {
                            menu.add(MenuEntry.registry(line.registry(), true));
                        } else {
                            menu.add(MenuEntry.link(line.url(), line.labelVi(), line.labelEn() == null ? "" : line.labelEn(), true));
                        }
                    }
                    structure.roots().stream().filter(r -> !named.contains(r.id())).forEach(r -> menu.add(new MenuEntry(r.id(), false)));
                    ThemeSelection base = new ThemeSelection(structure.themeName(tenant), structure.themeSettings(), List.of());
                    return themeVersions.openDraft(tenant, adminId, base)
                            .flatMap(draft -> themeVersions.save(tenant, draft.id(), draft.lockVersion(),
                                    new ThemeSelection(base.theme(), base.values(), menu), adminId))
                            .flatMap(saved -> themeVersions.submit(tenant, saved.id(), adminId))
                            .flatMap(submitted -> themeVersions.approve(tenant, submitted.id(), approver,
                                    "Trình đơn dẫn tới các danh mục văn bản, dự thảo, thủ tục (dữ liệu mẫu)."));
                }).then();
    }

    private Mono<Integer> staff(Tenant tenant, Account admin, List<Account> existing, List<DemoFile.Staff> staff) {
        return Flux.fromIterable(staff)
                .filter(s -> existing.stream().noneMatch(a -> a.username().equals(s.username())))
                .concatMap(s -> accounts.create(tenant, admin.id(),
                        new AccountDetails(s.username(), s.email(), s.fullName(), s.unit(), s.jobTitle(), s.phone()),
                        s.roles(), s.password()))
                .count().map(Long::intValue);
    }

    private Mono<Integer> covers(Tenant tenant, long actor, List<DemoFile.Cover> covers, MediaFolder files) {
        return catalog.items(tenant, null).collectList().flatMap(items -> Flux.fromIterable(covers).concatMap(cover -> Mono.justOrEmpty(
                                items.stream().filter(i -> i.slug().equals(cover.article()) && "vi".equals(i.language())).findFirst())
                        .flatMap(summary -> catalog.item(tenant, summary.id()))
                        .filter(item -> item.coverUrl() == null || item.coverUrl().isBlank())
                        .flatMap(item -> library.upload(tenant, cover.image(), files.read(cover.image()), cover.alt(), cover.caption(), actor)
                                .flatMap(file -> focused(tenant, file.id(), cover, actor).thenReturn(file))
                                .flatMap(file -> publishing.saveDraft(tenant, new Draft(item.id(), item.version(), "article", item.sectionId(),
                                        item.language(), item.slug(), item.title(), item.summary(), item.bodyHtml(), file.url(),
                                        cover.alt(), item.source(), item.featured(), actor)))))
                .count().map(Long::intValue));
    }

    /** The cover's focal point ("x y" in %), when the demo file sets one: the lists keep that part of the picture in view. */
    private Mono<Boolean> focused(Tenant tenant, long mediaId, DemoFile.Cover cover, long actor) {
        if (cover.focus() == null) {
            return Mono.just(false);
        }
        String[] xy = cover.focus().strip().split("\\s+");
        return framing.focus(tenant, mediaId, xy[0], xy.length > 1 ? xy[1] : "", actor);
    }

    private Mono<Integer> documents(Tenant tenant, long actor, List<DemoFile.Document> docs, MediaFolder files) {
        Map<String, Long> ids = new HashMap<>();
        return Flux.fromIterable(docs).concatMap(d -> {
            Long replacedBy = d.replacedBy() == null ? null : ids.get(d.replacedBy());
            Draft draft = new Draft(null, 0, LegalDocuments.KIND, null, "vi", d.slug(), d.title(), d.summary(), d.body(),
                    null, null, null, false, actor);
            DocumentFields fields = new DocumentFields(d.number(), d.type(), d.issuer(), d.signer(), d.issuedOn(), d.effectiveOn(),
                    d.expiresOn(), d.status(), replacedBy, d.nationalId(), d.nationalUrl());
            return documents.save(tenant, draft, fields, Map.of())
                    .doOnNext(saved -> ids.put(d.slug(), saved.id()))
                    .flatMap(saved -> attachAndPublish(tenant, actor, saved, d.files(), files));
        }).count().map(Long::intValue);
    }

    private Mono<Integer> consultationsOf(Tenant tenant, long actor, List<DemoFile.Consultation> list, MediaFolder files) {
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(VietnamTime.ZONE)).withNano(0);
        return Flux.fromIterable(list).concatMap(c -> consultations.save(tenant,
                                new Draft(null, 0, Consultations.KIND, null, "vi", c.slug(), c.title(), c.summary(), c.body(), null, null,
                                        null, false, actor),
                                new ConsultationFields(now.plusDays(c.opensInDays()), now.plusDays(c.closesInDays()), c.commentEmail(),
                                        c.commentAddress()), Map.of())
                        .flatMap(saved -> attachAndPublish(tenant, actor, saved, c.files(), files)))
                .count().map(Long::intValue);
    }

    private Mono<Integer> proceduresOf(Tenant tenant, long actor, List<DemoFile.Procedure> list, MediaFolder files) {
        return Flux.fromIterable(list).concatMap(p -> procedures.save(tenant,
                                new Draft(null, 0, Procedures.KIND, null, "vi", p.slug(), p.title(), p.summary(), p.body(), null, null,
                                        null, false, actor),
                                new ProcedureFields(p.level(), p.onlineUrl(), p.field(), p.unit(), p.processingTime(), p.fees(),
                                        p.requiredDocuments()), Map.of())
                        .flatMap(saved -> attachAndPublish(tenant, actor, saved, p.files(), files)))
                .count().map(Long::intValue);
    }

    private Mono<Integer> aboutOf(Tenant tenant, long actor, DemoFile.About a) {
        if (a == null) {
            return Mono.just(0);
        }
        Mono<Long> pages = Flux.fromIterable(a.pages().entrySet()).concatMap(e -> about.page(tenant, e.getKey(), "vi")
                        .map(Optional::of).defaultIfEmpty(Optional.empty())
                        .filter(Optional::isEmpty)
                        .flatMap(none -> about.saveText(tenant, e.getKey(), "vi", e.getValue().title(), e.getValue().body(), 0, actor))
                        .flatMap(saved -> publishing.publish(tenant, saved.id(), actor)))
                .count();
        Mono<Long> leaders = about.leaders(tenant).filter(List::isEmpty).flatMap(none -> Flux.range(0, a.leaders().size())
                .concatMap(i -> {
                    DemoFile.Leader l = a.leaders().get(i);
                    return about.saveLeader(tenant, new AboutEntries.Leader(null, l.fullName(), l.jobTitle(), l.bio(), null, null, i))
                            .thenReturn(1);
                }).count()).defaultIfEmpty(0L);
        Mono<Long> orgUnits = about.units(tenant).filter(List::isEmpty).flatMap(none -> accounts.list(tenant).collectList().flatMap(staff ->
                Flux.range(0, a.units().size()).concatMap(i -> {
                    DemoFile.Unit u = a.units().get(i);
                    Long focal = u.focal() == null ? null : staff.stream().filter(s -> s.username().equals(u.focal())).map(Account::id)
                            .findFirst().orElse(null);
                    Mono<Optional<vn.cong.engagement.Unit>> parent = u.parent() == null ? Mono.just(Optional.empty()) : units.named(tenant, u.parent());
                    return parent.flatMap(p -> units.save(tenant, new vn.cong.engagement.Unit(null, p.map(vn.cong.engagement.Unit::id).orElse(null),
                                    u.name(), u.duties(), i, u.head(), focal, u.email(), u.suppliesItems(), u.outside())))
                            .thenReturn(1);
                }).count())).defaultIfEmpty(0L);
        Mono<Long> phones = about.phones(tenant).filter(List::isEmpty).flatMap(none -> Flux.range(0, a.phones().size())
                .concatMap(i -> {
                    DemoFile.Phone p = a.phones().get(i);
                    return about.savePhone(tenant, new AboutEntries.Phone(null, p.fullName(), p.jobTitle(), p.unit(), p.phone(), p.email(), i))
                            .thenReturn(1);
                }).count()).defaultIfEmpty(0L);
        return pages.concatWith(leaders).concatWith(orgUnits).concatWith(phones).reduce(0L, Long::sum).map(Long::intValue);
    }

    /** Each item is drafted by the contributor and taken by the demo staff as far as its stage. */
    private Mono<Integer> waiting(Tenant tenant, List<DemoFile.Waiting> items, Map<String, Account> staff) {
        if (items.isEmpty()) {
            return Mono.just(0);
        }
        Account contributor = withRole(staff, Role.CONTRIBUTOR);
        Account editor = withRole(staff, Role.EDITOR);
        Account approver = withRole(staff, Role.APPROVER);
        return Flux.fromIterable(items)
                .concatMap(w -> catalog.sectionId(tenant, w.section())
                        .switchIfEmpty(Mono.error(() -> new IllegalArgumentException("waiting item " + w.slug() + ": no section " + w.section())))
                        .flatMap(section -> publishing.saveDraft(tenant, Draft.article(section, "vi", w.slug(), w.title(), w.summary(), w.body(),
                                contributor.id())))
                        .flatMap(saved -> submit.submit(tenant, saved.id(), saved.version(), actor(contributor), new Submission(
                                contributor.unit(), contributor.fullName(), contributor.jobTitle(), contributor.email(), contributor.phone(),
                                w.sensitivity().db(), vietnam(w.startsAt()), false, false, null, null, w.infoType(), vietnam(w.opensAt()), false, false)))
                        .flatMap(o -> w.stage() == DemoFile.Stage.SUBMITTED ? Mono.just(o)
                                : take.take(tenant, o.itemId(), o.version(), actor(editor)))
                        .flatMap(o -> w.stage().compareTo(DemoFile.Stage.LEVEL1) < 0 ? Mono.just(o)
                                : send.send(tenant, o.itemId(), o.version(), actor(editor), "Đã biên tập, kính trình duyệt."))
                        .flatMap(o -> w.stage().compareTo(DemoFile.Stage.LEVEL2) < 0 ? Mono.just(o)
                                : approve.approve(tenant, o.itemId(), o.version(), actor(approver), "Đồng ý, trình lãnh đạo Ban."))
                        .map(Outcome::itemId))
                .count().map(Long::intValue);
    }

    private static java.time.OffsetDateTime vietnam(java.time.LocalDateTime local) {
        return local == null ? null : local.atZone(vn.cong.system.VietnamTime.ZONE).toOffsetDateTime();
    }

    private Mono<Boolean> firstBackup(Tenant tenant) {
        if (!config.backup()) {
            return Mono.just(false);
        }
        return backupHistory.runs(tenant.code(), 1).hasElements()
                .flatMap(has -> has ? Mono.just(false) : backups.backUpNow(tenant, "demo").thenReturn(true));
    }

    private Mono<SavedItem> attachAndPublish(Tenant tenant, long actor, SavedItem saved, List<DemoFile.FileRef> refs, MediaFolder files) {
        return Flux.fromIterable(refs)
                .concatMap(f -> attachments.attach(tenant, saved.id(), f.file(), files.read(f.file()), f.caption(), actor))
                .then(publishing.publish(tenant, saved.id(), actor));
    }

    /** The items whose slug no item of the tenant has yet (the others were loaded before). */
    private static <T> List<T> fresh(List<T> items, Function<T, String> slug, Set<String> taken) {
        return items.stream().filter(i -> !taken.contains(slug.apply(i))).toList();
    }

    private static Account withRole(Map<String, Account> staff, Role role) {
        return staff.values().stream().filter(a -> a.hasRole(role)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("waiting items need a demo account with the role " + role.db()));
    }

    private static Actor actor(Account a) {
        return new Actor(a.id(), a.fullName(), a.roles());
    }

    /** The demo's media folder. */
    private record MediaFolder(Path dir) {
        byte[] read(String name) {
            Path file = dir.resolve(name).normalize();
            if (!file.startsWith(dir.normalize())) {
                throw new IllegalArgumentException("demo file outside the media folder: " + name);
            }
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
