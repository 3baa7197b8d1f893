package vn.cong.system;

import io.micronaut.core.annotation.Nullable;

import java.util.Locale;
import java.util.Optional;

/**
 * An enum stored in a text column: {@link #db()} is the stored code (the constant's name in lower case
 * unless the enum says otherwise), and {@link #parse}/{@link #of} read one back. Every status and kind
 * column maps through this one interface instead of each enum carrying its own copy of the lookup.
 */
public interface StoredCode {

    /** Implemented by every enum ({@link Enum#name()}). */
    String name();

    /** The code stored in the database. */
    default String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant whose code is exactly {@code db}; empty for null or an unknown code. */
    static <E extends Enum<E> & StoredCode> Optional<E> parse(Class<E> type, @Nullable String db) {
        for (E e : type.getEnumConstants()) {
            if (e.db().equals(db)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The constant of a code read from the database (case aside); an unknown code is a bug, not input. */
    static <E extends Enum<E> & StoredCode> E of(Class<E> type, String db) {
        for (E e : type.getEnumConstants()) {
            if (e.db().equalsIgnoreCase(db)) {
                return e;
            }
        }
        throw new IllegalArgumentException("No " + type.getSimpleName() + " stored as '" + db + "'");
    }
}
