package vn.cong.tenancy;

import java.util.regex.Pattern;

/**
 * The one place a schema name becomes SQL text: checked against the names the platform makes
 * ({@code platform}, {@code t_<code>}, {@code extensions}, scratch schemas of restores) and double-quoted.
 * Callers never concatenate a schema name themselves.
 */
public final class SchemaNames {

    /** The shared schema database extensions are installed in, after the tenant's on its search path. */
    public static final String EXTENSIONS = "extensions";

    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");

    private SchemaNames() {
    }

    /** {@code "t_alpha"}: safe to put into SQL as an identifier. */
    public static String quoted(String schema) {
        if (schema == null || !NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("Not a schema name the platform makes: " + schema);
        }
        return '"' + schema + '"';
    }

    /** {@code "t_alpha".table}: a table of a schema, for tools that cannot use a search path. */
    public static String qualified(String schema, String table) {
        return quoted(schema) + '.' + quoted(table);
    }
}
