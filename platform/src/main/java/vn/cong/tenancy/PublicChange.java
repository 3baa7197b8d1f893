package vn.cong.tenancy;

import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one transaction changed for the public, handed out by {@link PublicChanges}: each call moves
 * content versions on the transaction's connection, and remembers that every node must refresh once
 * the transaction has committed.
 */
public final class PublicChange {

    private final Transaction c;
    private final AtomicBoolean announced;

    PublicChange(Transaction c, AtomicBoolean announced) {
        this.c = c;
        this.announced = announced;
    }

    /** The tenant's public pages change. */
    public Mono<Long> pagesOf(Tenant tenant) {
        return ContentVersion.bump(c, tenant.code()).doOnSuccess(n -> announced.set(true));
    }

    /** The tenant's pages change, and its parent's, which list it (names, sections). */
    public Mono<Long> pagesOfTenantAndParent(String code) {
        return ContentVersion.bumpWithParent(c, code).doOnSuccess(n -> announced.set(true));
    }

    /** The pages of every tenant when {@code all}, else of those named; emits the codes changed. */
    public Mono<List<String>> pagesOf(boolean all, Collection<String> codes) {
        return ContentVersion.bump(c, all, codes).doOnSuccess(n -> announced.set(true));
    }

    /** A tenant's record changed (status, hosts, a new tenant) but no page content: nodes reload the registry. */
    public Mono<Void> registry() {
        return Mono.fromRunnable(() -> announced.set(true));
    }
}
