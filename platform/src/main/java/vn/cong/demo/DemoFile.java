package vn.cong.demo;

import io.micronaut.core.annotation.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import vn.cong.content.classification.Topics;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.cong.accounts.Role;
import vn.cong.content.about.StandingRole;
import vn.cong.content.documents.DocumentStatus;
import vn.cong.workflow.Sensitivity;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One tenant's demo content as {@code tenants/demo/<code>.yaml} declares it. Unknown keys and missing
 * values are refused with the path of the key, so a typo in a demo file fails the first run loudly.
 */
public record DemoFile(List<Staff> staff, List<Cover> covers, List<Document> documents, List<Consultation> consultations,
                       List<Procedure> procedures, @Nullable About about, List<Waiting> waiting, List<MenuLine> menu,
                       List<Question> questions, @Nullable vn.cong.content.legal.LegalNotice legal, List<ServiceFigures> serviceFigures,
                       List<Reminder> reminders, List<Petition> petitions, @Nullable History history, List<RetentionStep> retention,
                       List<Subscription> subscriptions, List<Translation> translations,
                       @Nullable Federation federation, List<TimedNotice> timedNotices, List<Gallery> galleries) {

    /**
     * A published notice with an end of display (hết hiệu lực hiển thị) {@code endsInDays} from the first run; a
     * negative number has passed, so the scheduled-unpublishing job takes it down on that run.
     */
    public record TimedNotice(String slug, String section, String title, String summary, String body, int endsInDays) {
    }

    /** The video and photo gallery of an article of the manifest (by slug); files are of {@code media/}. */
    public record Gallery(String article, @Nullable Video video, List<Picture> images) {
    }

    /** An MP4 (H.264) with what it shows, its poster picture and its captions in Vietnamese and English. */
    public record Video(String file, String title, @Nullable String poster, @Nullable String captionsVi, @Nullable String captionsEn) {
    }

    /** A picture of a gallery with its text alternative and caption. */
    public record Picture(String image, String alt, String caption) {
    }

    /**
     * A step the board took on an item of the imported history ({@code item}: its external id) for the archive page
     * [001 Đ13]: {@code archive} once its period has passed, or the head's {@code takedown} with a legal basis inside it.
     */
    public record RetentionStep(String item, String step, String by, String reason) {
    }

    /**
     * A confirmed subscriber (đăng ký nhận tin): to a kind of item ({@code kind}) or a section ({@code section}, its slug),
     * each item at once or in a daily digest.
     */
    public record Subscription(String email, @Nullable String kind, @Nullable String section, String frequency) {
    }

    /**
     * An English version linked to its Vietnamese item: of the article {@code article} (its slug; the English article goes
     * into the same section; one that exists already is linked as it is) or of the about page {@code about} (its role);
     * {@code slug} is the English article's.
     */
    public record Translation(@Nullable String article, @Nullable String about, @Nullable String slug, String title, String summary,
                              String body) {
    }

    /**
     * A root portal's federation demo (liên thông Bộ): its news block size, and the members that opt in, as their tenant
     * admins would on their own screens (the demo loads it into each member's own transaction).
     */
    public record Federation(int newsBlock, List<FederatedMember> members) {
    }

    public record FederatedMember(String code, boolean search, boolean news) {
    }

    /** A month of a procedure's processing figures, {@code monthsAgo} months before this one (entered by its unit). */
    public record ServiceFigures(String procedure, int monthsAgo, int received, int processed, int onTime, int late) {
    }

    /** A reminder the board gave the unit named, {@code daysAgo} days ago. */
    public record Reminder(String unit, int daysAgo, String reason) {
    }

    /**
     * Classified item history for the contribution report: the topic list (names, or {@code most} for seed 004's) and a
     * CSV or JSON-lines file beside the demo file, loaded through the import of history (idempotent on external ids).
     */
    public record History(List<String> topics, String file) {
    }

    /**
     * A line of the main menu the demo's theme version shows, in order: a top-level section by slug, a registry
     * ({@code document}, {@code procedure}, {@code about}, …) or an outside link with its labels.
     */
    public record MenuLine(@Nullable String section, @Nullable String registry, @Nullable String url,
                           @Nullable String labelVi, @Nullable String labelEn) {
    }

    /**
     * A question taken in by the desk and answered: {@code units} names the units it is forwarded to (each answers
     * {@code answer}), then the desk publishes it; {@code topic} is a topic code of the Q&A list.
     */
    /** {@code waiting}: the answer is left waiting for approval (under a policy with levels) instead of published. */
    public record Question(String title, String body, String askerName, String topic, List<String> units, String answer, boolean waiting) {
    }

    /** A staff account; the password is a demo password (never a real one). */
    public record Staff(String username, String fullName, String jobTitle, String unit, String email, String phone,
                        Set<Role> roles, String password) {
    }

    /**
     * A cover image (a file of {@code media/}) for an article the manifest created; it enters the media library with
     * {@code alt} as its description and {@code caption}; {@code focus} is its focal point ("x y", in % from the left and top).
     * A TIFF or BMP image is converted on upload like any editor's.
     */
    public record Cover(String article, String image, String alt, String caption, @Nullable String focus) {
    }

    /** A file of {@code media/} attached to an item, with its caption. */
    public record FileRef(String file, String caption) {
    }

    public record Document(String slug, String number, String type, String issuer, String signer, @Nullable LocalDate issuedOn,
                           @Nullable LocalDate effectiveOn, @Nullable LocalDate expiresOn, DocumentStatus status,
                           @Nullable String replacedBy, String title, String summary, String body, List<FileRef> files,
                           @Nullable String nationalId, @Nullable String nationalUrl) {
    }

    /**
     * A draft for comment; its window is counted in days from the first run (negative: in the past). Its comments are
     * taken in by the desk inside the window and moderated; a closed draft may carry the drafting unit's response.
     */
    public record Consultation(String slug, String title, String summary, String body, int opensInDays, int closesInDays,
                               String commentEmail, String commentAddress, List<FileRef> files, List<Comment> comments,
                               @Nullable Response response) {
    }

    /** A comment on a draft: {@code status} approved, pending or hidden (then with {@code reason}). */
    public record Comment(String name, String organisation, String body, String status, String reason) {
    }

    /** The drafting unit's published response to the comments. */
    public record Response(String unit, String text) {
    }

    /**
     * A petition taken in by the desk: {@code status} received, forwarded (to {@code unit}), answered, closed or
     * published (with {@code answer}).
     */
    /** {@code receivedDaysAgo}: when the desk took it in (0: now), so the demo shows a petition late on the deadline board. */
    public record Petition(String title, String body, String senderName, String unit, String status, String answer, int receivedDaysAgo) {
    }

    public record Procedure(String slug, String title, String summary, String body, @Nullable Integer level, String onlineUrl,
                            String field, String unit, String processingTime, String fees, String requiredDocuments,
                            List<FileRef> files) {
    }

    public record Page(String title, String body) {
    }

    public record Leader(String fullName, String jobTitle, String bio) {
    }

    /**
     * A unit of the organisation chart; {@code parent} names an earlier unit, {@code focal} the username of its focal point
     * (a demo staff account), {@code suppliesItems} (default true) and {@code outside} (default false) as on the units screen.
     */
    public record Unit(String name, String duties, @Nullable String parent, String head, String email, @Nullable String focal,
                       boolean suppliesItems, boolean outside) {
    }

    public record Phone(String fullName, String jobTitle, String unit, String phone, String email) {
    }

    public record About(Map<StandingRole, Page> pages, List<Leader> leaders, List<Unit> units, List<Phone> phones) {
    }

    /** Where a demo item stops in the editorial workflow. */
    public enum Stage { SUBMITTED, EDITING, LEVEL1, LEVEL2 }

    /**
     * An article the contributor submits, taken as far as {@code stage} by the demo staff; optionally with its
     * information type (a {@code vn.cong.workflow.InformationType} code), the moment its rule counts from and a
     * multi-day event's opening (Vietnam time, {@code 2026-11-25T11:30}).
     */
    public record Waiting(String slug, String section, Stage stage, Sensitivity sensitivity, String title, String summary,
                          String body, @Nullable String infoType, @Nullable LocalDateTime startsAt, @Nullable LocalDateTime opensAt) {
    }

    private static @Nullable LocalDateTime localTime(String file, @Nullable String text) {
        try {
            return text == null ? null : LocalDateTime.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(file + ": «" + text + "» is not a time like 2026-11-25T11:30", e);
        }
    }

    /** Reads a demo file; {@code name} is used in error messages. */
    public static DemoFile parse(String name, String yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Node n = new Node(name, root instanceof Map<?, ?> m ? m : Map.of());
        n.keys("staff", "covers", "documents", "consultations", "procedures", "about", "waiting", "menu", "questions", "legal",
                "serviceFigures", "reminders", "petitions", "history", "retention", "subscriptions", "translations", "federation",
                "timedNotices", "galleries");
        return new DemoFile(
                n.list("staff", s -> {
                    s.keys("username", "fullName", "jobTitle", "unit", "email", "phone", "roles", "password");
                    return new Staff(s.text("username"), s.text("fullName"), s.optional("jobTitle"), s.optional("unit"),
                            s.text("email"), s.optional("phone"), s.roles("roles"), s.text("password"));
                }),
                n.list("covers", c -> {
                    c.keys("article", "image", "alt", "caption", "focus");
                    return new Cover(c.text("article"), c.text("image"), c.text("alt"), c.optional("caption"), c.nullable("focus"));
                }),
                n.list("documents", d -> {
                    d.keys("slug", "number", "type", "issuer", "signer", "issuedOn", "effectiveOn", "expiresOn", "status",
                            "replacedBy", "title", "summary", "body", "files", "nationalId", "nationalUrl");
                    return new Document(d.text("slug"), d.text("number"), d.text("type"), d.text("issuer"), d.optional("signer"),
                            d.date("issuedOn"), d.date("effectiveOn"), d.date("expiresOn"),
                            d.choice("status", DocumentStatus.values(), DocumentStatus::db), d.nullable("replacedBy"),
                            d.text("title"), d.text("summary"), d.text("body"), d.files(), d.nullable("nationalId"), d.nullable("nationalUrl"));
                }),
                n.list("consultations", c -> {
                    c.keys("slug", "title", "summary", "body", "opensInDays", "closesInDays", "commentEmail", "commentAddress", "files",
                            "comments", "response");
                    Response response = null;
                    if (c.has("response")) {
                        Node r = c.child("response");
                        r.keys("unit", "text");
                        response = new Response(r.optional("unit"), r.text("text"));
                    }
                    return new Consultation(c.text("slug"), c.text("title"), c.text("summary"), c.text("body"),
                            c.number("opensInDays"), c.number("closesInDays"), c.text("commentEmail"), c.optional("commentAddress"),
                            c.files(), c.list("comments", m -> {
                                m.keys("name", "organisation", "body", "status", "reason");
                                String status = m.text("status");
                                if (!List.of("approved", "pending", "hidden").contains(status) || "hidden".equals(status) != m.has("reason")) {
                                    throw m.refused("status must be approved, pending or hidden, and only a hidden comment has a reason");
                                }
                                return new Comment(m.text("name"), m.optional("organisation"), m.text("body"), status, m.optional("reason"));
                            }), response);
                }),
                n.list("procedures", p -> {
                    p.keys("slug", "title", "summary", "body", "level", "onlineUrl", "field", "unit", "processingTime", "fees",
                            "requiredDocuments", "files");
                    return new Procedure(p.text("slug"), p.text("title"), p.text("summary"), p.text("body"),
                            p.has("level") ? p.number("level") : null, p.optional("onlineUrl"), p.text("field"), p.text("unit"),
                            p.optional("processingTime"), p.optional("fees"), p.optional("requiredDocuments"), p.files());
                }),
                n.has("about") ? about(n.child("about")) : null,
                n.list("waiting", w -> {
                    w.keys("slug", "section", "stage", "sensitivity", "title", "summary", "body", "infoType", "startsAt", "opensAt");
                    return new Waiting(w.text("slug"), w.text("section"), w.choice("stage", Stage.values(), Node::code),
                            w.choice("sensitivity", Sensitivity.values(), Node::code), w.text("title"), w.text("summary"), w.text("body"),
                            w.nullable("infoType"), localTime(name, w.nullable("startsAt")), localTime(name, w.nullable("opensAt")));
                }),
                n.list("menu", m -> {
                    m.keys("section", "registry", "url", "labelVi", "labelEn");
                    MenuLine line = new MenuLine(m.nullable("section"), m.nullable("registry"), m.nullable("url"),
                            m.nullable("labelVi"), m.nullable("labelEn"));
                    if ((line.section() != null ? 1 : 0) + (line.registry() != null ? 1 : 0) + (line.url() != null ? 1 : 0) != 1) {
                        throw m.refused("needs exactly one of section, registry or url");
                    }
                    return line;
                }),
                n.list("questions", q -> {
                    q.keys("title", "body", "askerName", "topic", "units", "answer", "approval");
                    String approval = q.has("approval") ? q.text("approval") : "published";
                    if (!List.of("published", "waiting").contains(approval)) {
                        throw q.refused("approval must be published or waiting");
                    }
                    Object raw = q.map().get("units");
                    List<String> unitNames = raw instanceof List<?> l ? l.stream().map(String::valueOf)
                            .map(x -> Normalizer.normalize(x, Normalizer.Form.NFC)).toList() : List.of();
                    return new Question(q.text("title"), q.text("body"), q.text("askerName"), q.text("topic"), unitNames, q.text("answer"), "waiting".equals(approval));
                }),
                n.has("legal") ? legal(n.child("legal")) : null,
                n.list("serviceFigures", f -> {
                    f.keys("procedure", "monthsAgo", "received", "processed", "onTime", "late");
                    return new ServiceFigures(f.text("procedure"), f.number("monthsAgo"), f.number("received"), f.number("processed"),
                            f.number("onTime"), f.number("late"));
                }),
                n.list("reminders", r -> {
                    r.keys("unit", "daysAgo", "reason");
                    return new Reminder(r.text("unit"), r.number("daysAgo"), r.text("reason"));
                }),
                n.list("petitions", p -> {
                    p.keys("title", "body", "senderName", "unit", "status", "answer", "receivedDaysAgo");
                    String status = p.text("status");
                    if (!List.of("received", "forwarded", "answered", "closed", "published").contains(status)) {
                        throw p.refused("status must be received, forwarded, answered, closed or published");
                    }
                    return new Petition(p.text("title"), p.text("body"), p.text("senderName"), p.optional("unit"), status, p.optional("answer"),
                            p.has("receivedDaysAgo") ? p.number("receivedDaysAgo") : 0);
                }),
                n.has("history") ? history(n.child("history")) : null,
                n.list("retention", r -> {
                    r.keys("item", "step", "by", "reason");
                    if (!List.of("archive", "takedown").contains(r.text("step"))) {
                        throw r.refused("step must be archive or takedown");
                    }
                    return new RetentionStep(r.text("item"), r.text("step"), r.text("by"), r.text("reason"));
                }),
                n.list("subscriptions", x -> {
                    x.keys("email", "kind", "section", "frequency");
                    if (x.has("kind") == x.has("section") || !List.of("immediate", "daily").contains(x.text("frequency"))) {
                        throw x.refused("needs exactly one of kind or section, and a frequency of immediate or daily");
                    }
                    return new Subscription(x.text("email"), x.nullable("kind"), x.nullable("section"), x.text("frequency"));
                }),
                n.list("translations", x -> {
                    x.keys("article", "about", "slug", "title", "summary", "body");
                    if (x.has("article") == x.has("about") || x.has("article") != x.has("slug")) {
                        throw x.refused("needs exactly one of article (with the English slug) or about");
                    }
                    if (x.has("about") && (!x.has("title") || !x.has("body"))) {
                        throw x.refused("an about page needs its English title and body");
                    }
                    return new Translation(x.nullable("article"), x.nullable("about"), x.nullable("slug"), x.optional("title"),
                            x.optional("summary"), x.optional("body"));
                }),
                n.has("federation") ? federation(n.child("federation")) : null,
                n.list("timedNotices", x -> {
                    x.keys("slug", "section", "title", "summary", "body", "endsInDays");
                    return new TimedNotice(x.text("slug"), x.text("section"), x.text("title"), x.text("summary"), x.text("body"),
                            x.number("endsInDays"));
                }),
                n.list("galleries", DemoFile::gallery));
    }

    private static Gallery gallery(Node g) {
        g.keys("article", "video", "images");
        Video video = null;
        if (g.has("video")) {
            Node v = g.child("video");
            v.keys("file", "title", "poster", "captionsVi", "captionsEn");
            video = new Video(v.text("file"), v.text("title"), v.nullable("poster"), v.nullable("captionsVi"), v.nullable("captionsEn"));
        }
        return new Gallery(g.text("article"), video, g.list("images", i -> {
            i.keys("image", "alt", "caption");
            return new Picture(i.text("image"), i.text("alt"), i.optional("caption"));
        }));
    }

    private static Federation federation(Node f) {
        f.keys("newsBlock", "members");
        return new Federation(f.has("newsBlock") ? f.number("newsBlock") : 0, f.list("members", m -> {
            m.keys("code", "search", "news");
            return new FederatedMember(m.text("code"), "true".equals(m.nullable("search")), "true".equals(m.nullable("news")));
        }));
    }

    /** The footer's legal block; every field optional. */
    private static vn.cong.content.legal.LegalNotice legal(Node l) {
        l.keys("addressVi", "addressEn", "phone", "email", "licenceVi", "licenceEn", "responsibleVi", "responsibleEn");
        return new vn.cong.content.legal.LegalNotice(l.optional("addressVi"), l.optional("addressEn"), l.optional("phone"),
                l.optional("email"), l.optional("licenceVi"), l.optional("licenceEn"), l.optional("responsibleVi"),
                l.optional("responsibleEn"));
    }

    private static History history(Node h) {
        h.keys("topics", "file");
        Object raw = h.map().get("topics");
        List<String> topics = "most".equals(raw) ? Topics.MOST_PRESET
                : raw instanceof List<?> l ? l.stream().map(x -> Normalizer.normalize(String.valueOf(x), Normalizer.Form.NFC)).toList()
                : List.of();
        return new History(topics, h.text("file"));
    }

    private static About about(Node a) {
        a.keys("pages", "leaders", "units", "phones");
        Map<StandingRole, Page> pages = new EnumMap<>(StandingRole.class);
        if (a.has("pages")) {
            Node p = a.child("pages");
            p.keys(Arrays.stream(StandingRole.values()).map(StandingRole::db).toArray(String[]::new));
            for (StandingRole role : StandingRole.values()) {
                if (p.has(role.db())) {
                    Node page = p.child(role.db());
                    page.keys("title", "body");
                    pages.put(role, new Page(page.text("title"), page.text("body")));
                }
            }
        }
        return new About(pages,
                a.list("leaders", l -> {
                    l.keys("fullName", "jobTitle", "bio");
                    return new Leader(l.text("fullName"), l.text("jobTitle"), l.optional("bio"));
                }),
                a.list("units", u -> {
                    u.keys("name", "duties", "parent", "head", "email", "focal", "suppliesItems", "outside");
                    return new Unit(u.text("name"), u.optional("duties"), u.nullable("parent"), u.optional("head"), u.optional("email"),
                            u.nullable("focal"), !"false".equals(u.nullable("suppliesItems")), "true".equals(u.nullable("outside")));
                }),
                a.list("phones", p -> {
                    p.keys("fullName", "jobTitle", "unit", "phone", "email");
                    return new Phone(p.text("fullName"), p.optional("jobTitle"), p.optional("unit"), p.text("phone"), p.optional("email"));
                }));
    }

    /** A mapping of the file, with the path of its keys for messages. */
    private record Node(String path, Map<?, ?> map) {

        static String code(Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }

        void keys(String... allowed) {
            Set<String> unknown = new TreeSet<>();
            map.keySet().forEach(k -> {
                if (!Arrays.asList(allowed).contains(String.valueOf(k))) {
                    unknown.add(String.valueOf(k));
                }
            });
            if (!unknown.isEmpty()) {
                throw refused("unknown key(s) " + unknown);
            }
        }

        boolean has(String key) {
            return map.get(key) != null;
        }

        Node child(String key) {
            if (map.get(key) instanceof Map<?, ?> m) {
                return new Node(path + "." + key, m);
            }
            throw refused(key + ": expected a mapping");
        }

        <T> List<T> list(String key, Function<Node, T> item) {
            Object value = map.get(key);
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof List<?> items)) {
                throw refused(key + ": expected a list");
            }
            List<T> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof Map<?, ?> m)) {
                    throw refused(key + "[" + i + "]: expected a mapping");
                }
                out.add(item.apply(new Node(path + "." + key + "[" + i + "]", m)));
            }
            return List.copyOf(out);
        }

        List<FileRef> files() {
            return list("files", f -> {
                f.keys("file", "caption");
                return new FileRef(f.text("file"), f.optional("caption"));
            });
        }

        String text(String key) {
            String value = nullable(key);
            if (value == null || value.isBlank()) {
                throw refused(key + ": required");
            }
            return value;
        }

        String optional(String key) {
            String value = nullable(key);
            return value == null ? "" : value;
        }

        @Nullable
        String nullable(String key) {
            Object value = map.get(key);
            return value == null ? null : Normalizer.normalize(String.valueOf(value), Normalizer.Form.NFC);
        }

        int number(String key) {
            if (map.get(key) instanceof Number n) {
                return n.intValue();
            }
            throw refused(key + ": expected a whole number");
        }

        @Nullable
        LocalDate date(String key) {
            Object value = map.get(key);
            if (value == null) {
                return null;
            }
            if (value instanceof Date d) {   // YAML 1.1 reads an unquoted 2026-09-15 as a date (UTC midnight)
                return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
            }
            try {
                return LocalDate.parse(String.valueOf(value));
            } catch (RuntimeException e) {
                throw refused(key + ": expected a date such as 2026-09-15");
            }
        }

        <E extends Enum<E>> E choice(String key, E[] values, Function<E, String> code) {
            String value = text(key);
            return Arrays.stream(values).filter(v -> code.apply(v).equals(value)).findFirst()
                    .orElseThrow(() -> refused(key + ": one of " + Arrays.stream(values).map(code).toList()));
        }

        Set<Role> roles(String key) {
            if (!(map.get(key) instanceof List<?> names) || names.isEmpty()) {
                throw refused(key + ": a list of roles");
            }
            Set<Role> roles = new LinkedHashSet<>();
            for (Object name : names) {
                roles.add(Arrays.stream(Role.values()).filter(r -> r.db().equals(String.valueOf(name))).findFirst()
                        .orElseThrow(() -> refused(key + ": unknown role " + name)));
            }
            return roles;
        }

        IllegalArgumentException refused(String what) {
            return new IllegalArgumentException(path + ": " + what);
        }
    }
}
