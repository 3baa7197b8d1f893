package vn.cong.admin.autosave;

import jakarta.inject.Singleton;
import vn.cong.content.kinds.ContentKinds;
import vn.cong.content.kinds.KindDeclaration;
import vn.cong.content.kinds.KindField;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which fields an item form autosaves, per kind: the article form's, and each declared kind's from its
 * declaration. Anything else posted is dropped, so an autosave holds only what the form itself could send.
 */
@Singleton
class AutosaveFields {

    /** A kind's form: its field names, those edited as rich text, and the roles its screens are open to (none: all staff). */
    record Form(Set<String> names, Set<String> rich, Set<String> roles) {

        /** The posted values of the form's own fields, nothing else. */
        Map<String, String> pick(Map<String, String> posted) {
            Map<String, String> kept = new LinkedHashMap<>();
            names.forEach(name -> {
                if (posted.containsKey(name)) {
                    kept.put(name, posted.get(name));
                }
            });
            return kept;
        }
    }

    private static final Form ARTICLE = new Form(Set.of("title", "slug", "sectionId", "language", "summary", "body", "source",
            "coverUrl", "coverAlt", "featured", "origin", "topic", "genre", "unit", "unpublishAt"), Set.of("body"), Set.of());

    private final ContentKinds kinds;

    AutosaveFields(ContentKinds kinds) {
        this.kinds = kinds;
    }

    /** The form of items of {@code kind}; empty for kinds without an item form of their own (about pages, answers). */
    Optional<Form> of(String kind) {
        if ("article".equals(kind)) {
            return Optional.of(ARTICLE);
        }
        return kinds.declaration(kind).map(AutosaveFields::form);
    }

    private static Form form(KindDeclaration d) {
        return new Form(d.form().stream().map(KindField::name).collect(Collectors.toUnmodifiableSet()),
                d.form().stream().filter(KindField::rich).map(KindField::name).collect(Collectors.toUnmodifiableSet()),
                d.menu().roles());
    }
}
