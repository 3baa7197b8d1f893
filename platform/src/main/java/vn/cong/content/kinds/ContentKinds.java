package vn.cong.content.kinds;

import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every declared content kind, found once at start-up, by kind and by staff address. */
@Singleton
public class ContentKinds {

    private final List<ContentKind<?>> all;
    private final Map<String, ContentKind<?>> byKind;

    public ContentKinds(List<ContentKind<?>> kinds) {
        this.all = kinds.stream().sorted(Comparator.comparingInt(k -> k.declaration().menu().order())).toList();
        this.byKind = all.stream().collect(Collectors.toUnmodifiableMap(k -> k.declaration().kind(), Function.identity()));
    }

    /** The kinds in their menu order. */
    public List<ContentKind<?>> all() {
        return all;
    }

    public Optional<ContentKind<?>> kind(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    public Optional<KindDeclaration> declaration(String kind) {
        return kind(kind).map(ContentKind::declaration);
    }
}
