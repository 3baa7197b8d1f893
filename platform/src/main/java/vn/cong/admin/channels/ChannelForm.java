package vn.cong.admin.channels;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.web.CsrfForm;

/** A new channel as typed (kept as typed when refused; the secret is never sent back to the browser). */
@Serdeable
record ChannelForm(@Nullable String name, @Nullable String url, @Nullable String secret, @Nullable String csrfToken) implements CsrfForm {

    static ChannelForm empty() {
        return new ChannelForm("", "", "", null);
    }
}
