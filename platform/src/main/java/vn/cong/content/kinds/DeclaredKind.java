package vn.cong.content.kinds;

import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The part of a {@link ContentKind} that is the same for every kind: its declaration, and loading and
 * summing up an item through the kind's store. A kind extends it and adds how its values are read and saved.
 */
public abstract class DeclaredKind<I> implements ContentKind<I> {

    private final KindDeclaration declaration;
    private final BiFunction<Tenant, Long, Mono<I>> load;
    private final Function<I, Edited> summary;

    protected DeclaredKind(KindDeclaration declaration, BiFunction<Tenant, Long, Mono<I>> load, Function<I, Edited> summary) {
        this.declaration = declaration;
        this.load = load;
        this.summary = summary;
    }

    @Override
    public final KindDeclaration declaration() {
        return declaration;
    }

    @Override
    public final Mono<I> editable(Tenant tenant, long id) {
        return load.apply(tenant, id);
    }

    @Override
    public final Edited summary(I item) {
        return summary.apply(item);
    }
}
