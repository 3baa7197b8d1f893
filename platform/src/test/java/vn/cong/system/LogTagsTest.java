package vn.cong.system;

import io.micronaut.core.propagation.PropagatedContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LogTagsTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void enteringSetsTheTagsAndLeavingPutsBackWhatWasThere() {
        MDC.put("requestId", "earlier");
        MDC.put("other", "kept");
        PropagatedContext context = PropagatedContext.empty().plus(LogTags.of("requestId", "r-1").with("tenant", "alpha"));
        try (PropagatedContext.Scope ignored = context.propagate()) {
            assertEquals("r-1", MDC.get("requestId"));
            assertEquals("alpha", MDC.get("tenant"));
            assertEquals("kept", MDC.get("other"));
        }
        assertEquals("earlier", MDC.get("requestId"));
        assertNull(MDC.get("tenant"), "a key absent before is removed again");
        assertEquals("kept", MDC.get("other"));
    }

    @Test
    void nestedScopesWithTheSameTagsLeaveThemUntilTheOuterOneEnds() {
        PropagatedContext context = PropagatedContext.empty().plus(LogTags.of("tenant", "alpha"));
        try (PropagatedContext.Scope outer = context.propagate()) {
            try (PropagatedContext.Scope inner = context.propagate()) {
                assertEquals("alpha", MDC.get("tenant"));
            }
            assertEquals("alpha", MDC.get("tenant"), "the inner scope changed nothing, so it restores nothing");
        }
        assertNull(MDC.get("tenant"));
    }

    @Test
    void anotherTenantsScopeInsideIsUndoneOnLeaving() {
        try (PropagatedContext.Scope outer = PropagatedContext.empty().plus(LogTags.of("tenant", "alpha")).propagate()) {
            try (PropagatedContext.Scope inner = PropagatedContext.empty().plus(LogTags.of("tenant", "beta")).propagate()) {
                assertEquals("beta", MDC.get("tenant"));
            }
            assertEquals("alpha", MDC.get("tenant"));
        }
        assertNull(MDC.get("tenant"));
    }

    @Test
    void taggingMergesIntoTheTagsAContextAlreadyCarries() {
        PropagatedContext context = LogTags.tag(PropagatedContext.empty(), "requestId", "r-2");
        context = LogTags.tag(context, "tenant", "alpha");
        context = LogTags.tag(context, "tenant", "beta");
        assertEquals(1, context.getAllElements().size());
        assertEquals(Map.of("requestId", "r-2", "tenant", "beta"), context.get(LogTags.class).asMap());
    }

    @Test
    void aWrappedTaskCarriesTheTagsToAPooledThreadAndLeavesItClean() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            PropagatedContext context = PropagatedContext.empty().plus(LogTags.of("tenant", "alpha"));
            java.util.function.Supplier<String> read = () -> MDC.get("tenant");
            String seen = CompletableFuture.supplyAsync(context.wrap(read), pool).get();
            String after = CompletableFuture.supplyAsync(() -> MDC.get("tenant"), pool).get();
            assertEquals("alpha", seen);
            assertNull(after, "the pooled thread keeps no tag for the next task");
        } finally {
            pool.shutdownNow();
        }
    }
}
