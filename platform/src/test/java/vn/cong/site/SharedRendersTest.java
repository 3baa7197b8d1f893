package vn.cong.site;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class SharedRendersTest {

    private static final CachedPage PAGE = CachedPage.of(200, "vi", "<p>Trang chủ</p>".getBytes(StandardCharsets.UTF_8));

    /** Two readers ask for a page while its render is still running; emits the renders started and both answers. */
    private static int rendersFor(SharedRenders renders, String secondKey) {
        AtomicInteger started = new AtomicInteger();
        Sinks.One<CachedPage> done = Sinks.one();
        var first = renders.once("www:1:vi:/", () -> {
            started.incrementAndGet();
            return done.asMono();
        }).toFuture();
        var second = renders.once(secondKey, () -> {
            started.incrementAndGet();
            return done.asMono();
        }).toFuture();
        done.tryEmitValue(PAGE);
        assertSame(PAGE, first.join());
        assertSame(PAGE, second.join());
        return started.get();
    }

    @Test
    void readersOfAPageBeingRenderedShareItsRender() {
        assertEquals(1, rendersFor(new SharedRenders(true), "www:1:vi:/"));
    }

    @Test
    void anotherPageOrAnotherVersionRendersOnItsOwn() {
        assertEquals(2, rendersFor(new SharedRenders(true), "www:2:vi:/"));
    }

    @Test
    void aRenderOverIsNotSharedWithTheNextReader() {
        SharedRenders renders = new SharedRenders(true);
        AtomicInteger started = new AtomicInteger();
        renders.once("k", () -> Mono.fromSupplier(() -> { started.incrementAndGet(); return PAGE; })).block();
        renders.once("k", () -> Mono.fromSupplier(() -> { started.incrementAndGet(); return PAGE; })).block();
        assertEquals(2, started.get(), "a finished render is the page cache's business, not this one's");
    }

    @Test
    void withSharingOffEveryReaderRendersForItself() {
        assertEquals(2, rendersFor(new SharedRenders(false), "www:1:vi:/"));
    }
}
