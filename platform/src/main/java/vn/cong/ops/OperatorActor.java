package vn.cong.ops;

import vn.cong.system.StoredCode;
import io.micronaut.core.annotation.Nullable;

/** Who did an operator action, from where, and through which door (the API or the console). */
public record OperatorActor(String name, @Nullable String remoteAddress, Channel channel) {

    public enum Channel implements StoredCode {
        API, CONSOLE;
    }
}
