package vn.cong.site;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import java.util.ArrayDeque;

/**
 * One connection's part of the {@link PageShortcut}, just after the HTTP codec and before Micronaut's own handler:
 * answers a request whose page is cached when no earlier request on the connection is still waiting for the full
 * path (HTTP/1.1 answers go out in order), else lets it through and, when the full path's answer has been written,
 * tells the shortcut so it can remember what page that request named.
 */
final class PageShortcutHandler extends ChannelDuplexHandler {

    private static final PageShortcut.Pending NOTHING_TO_LEARN = new PageShortcut.Pending("", "");

    private final PageShortcut shortcut;
    /** Requests let through, oldest first, whose final answers have not been written yet. */
    private final ArrayDeque<PageShortcut.Pending> waiting = new ArrayDeque<>();
    /** The body parts of a request answered here (for a GET, the empty last part) are dropped. */
    private boolean dropping;
    private boolean flushNeeded;

    PageShortcutHandler(PageShortcut shortcut) {
        this.shortcut = shortcut;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (dropping && msg instanceof HttpContent) {
            dropping = !(msg instanceof LastHttpContent);
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            if (waiting.isEmpty()) {
                FullHttpResponse answer = shortcut.answer(request, ctx.channel().remoteAddress());
                if (answer != null) {
                    dropping = !(msg instanceof LastHttpContent);
                    ReferenceCountUtil.release(msg);
                    ctx.write(answer, ctx.voidPromise());
                    flushNeeded = true;
                    return;
                }
            }
            PageShortcut.Pending pending = shortcut.letThrough(request, ctx.channel().remoteAddress());
            waiting.add(pending == null ? NOTHING_TO_LEARN : pending);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (flushNeeded) {
            flushNeeded = false;
            ctx.flush();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        boolean interim = msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        if (!interim && msg instanceof LastHttpContent) {
            PageShortcut.Pending done = waiting.poll();
            if (done != null && done != NOTHING_TO_LEARN) {
                shortcut.answeredFully(done);
            }
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        waiting.forEach(p -> {
            if (p != NOTHING_TO_LEARN) {
                shortcut.abandoned(p);
            }
        });
        waiting.clear();
        super.channelInactive(ctx);
    }
}
