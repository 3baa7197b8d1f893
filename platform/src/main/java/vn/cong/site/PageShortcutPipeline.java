package vn.cong.site;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import jakarta.inject.Singleton;

/** Puts a {@link PageShortcutHandler} into every HTTP/1.1 connection's pipeline, before Micronaut's handler. */
@Singleton
final class PageShortcutPipeline implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private final PageShortcut shortcut;

    PageShortcutPipeline(PageShortcut shortcut) {
        this.shortcut = shortcut;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        if (shortcut.enabled()) {
            event.getBean().register(new ForServer(shortcut, null));
        }
        return event.getBean();
    }

    private record ForServer(PageShortcut shortcut, Channel channel) implements NettyServerCustomizer {

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new ForServer(shortcut, channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null
                    && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null) {
                channel.pipeline().addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, "cong-page-shortcut",
                        new PageShortcutHandler(shortcut));
            }
        }
    }
}
