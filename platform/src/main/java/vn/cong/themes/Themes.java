package vn.cong.themes;

import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.cong.system.Gzip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The themes on the classpath ({@code themes/<name>/}), each loaded once: theme.yaml and static
 * files. A theme's static files are laid over the default theme's, so a theme ships only what it
 * changes. A tenant naming a theme that does not exist gets the default theme, never an error page.
 */
@Context
public class Themes {

    public static final String DEFAULT = "default";
    private static final Logger LOG = LoggerFactory.getLogger(Themes.class);
    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9-]{0,40}$");

    private final ThemeFiles files = new ThemeFiles(Themes.class.getClassLoader());
    private final Map<String, Theme> loaded = new ConcurrentHashMap<>();

    public Themes() {
        // loaded before the first request, not on an event-loop thread in the middle of one
        loaded.put(DEFAULT, load(DEFAULT));
        for (String name : files.themeNames()) {
            if (NAME.matcher(name).matches()) {
                loaded.computeIfAbsent(name, this::load);
            }
        }
    }

    public Theme get(String name) {
        String wanted = exists(name) ? name : DEFAULT;
        if (!wanted.equals(name)) {
            LOG.warn("Theme «{}» not found: using the default theme", name);
        }
        return loaded.computeIfAbsent(wanted, this::load);
    }

    /** Whether a theme exists; the asset route answers 404 for names that do not. */
    public boolean exists(String name) {
        return name != null && NAME.matcher(name).matches() && files.exists("themes/" + name + "/theme.yaml");
    }

    /** Every theme, default first, then by name: what a tenant admin may choose from. */
    public List<Theme> all() {
        List<Theme> all = new ArrayList<>();
        all.add(get(DEFAULT));
        new TreeMap<>(loaded).forEach((name, theme) -> {
            if (!name.equals(DEFAULT)) {
                all.add(theme);
            }
        });
        return all;
    }

    private Theme load(String name) {
        Map<String, Object> doc = yaml(files.read("themes/" + name + "/theme.yaml"));
        Map<String, byte[]> files = new TreeMap<>();
        if (!name.equals(DEFAULT)) {
            files.putAll(this.files.list(DEFAULT, "static"));
        }
        files.putAll(this.files.list(name, "static"));
        Map<String, StaticAsset> assets = new LinkedHashMap<>();
        MessageDigest digest = sha256();
        files.forEach((path, bytes) -> {
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
            String type = contentType(path);
            assets.put(path, new StaticAsset(type, bytes, compressible(type) ? Gzip.compressIfSmaller(bytes) : null));
        });
        String fingerprint = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        Map<String, ThemeVariable> variables = variables(doc);
        LOG.info("Theme «{}» loaded: {} variables, {} static files, fingerprint {}", name, variables.size(), assets.size(), fingerprint);
        // variables keep theme.yaml's order: the admin screen lists them that way
        return new Theme(name, texts(doc.get("label")), java.util.Collections.unmodifiableMap(variables), contrast(doc),
                Map.copyOf(assets), fingerprint);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(byte[] bytes) {
        if (bytes == null) {
            return Map.of();
        }
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(bytes, StandardCharsets.UTF_8));
        return root instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Map<String, ThemeVariable> variables(Map<String, Object> doc) {
        Map<String, ThemeVariable> variables = new LinkedHashMap<>();
        if (doc.get("variables") instanceof Map<?, ?> declared) {
            declared.forEach((key, spec) -> {
                if (spec instanceof Map<?, ?> s) {
                    var type = ThemeVariable.Type.valueOf(String.valueOf(s.get("type")).toUpperCase(Locale.ROOT));
                    Object dflt = s.get("default") == null ? "" : s.get("default");
                    List<String> options = s.get("options") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
                    variables.put(String.valueOf(key), new ThemeVariable(String.valueOf(key), type, String.valueOf(dflt), options,
                            texts(s.get("label"))));
                }
            });
        }
        return variables;
    }

    private static List<ContrastPair> contrast(Map<String, Object> doc) {
        List<ContrastPair> pairs = new ArrayList<>();
        if (doc.get("contrast") instanceof List<?> declared) {
            for (Object item : declared) {
                if (item instanceof Map<?, ?> m) {
                    pairs.add(new ContrastPair(String.valueOf(m.get("foreground")), String.valueOf(m.get("background")),
                            m.get("label") == null ? "" : String.valueOf(m.get("label"))));
                }
            }
        }
        return pairs;
    }

    private static Map<String, String> texts(Object value) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> texts.put(String.valueOf(k), String.valueOf(v)));
        }
        return texts;
    }

    static String contentType(String path) {
        String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "css" -> "text/css;charset=utf-8";
            case "js" -> "text/javascript;charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "webp" -> "image/webp";
            case "ico" -> "image/x-icon";
            case "woff2" -> "font/woff2";
            case "woff" -> "font/woff";
            case "txt" -> "text/plain;charset=utf-8";
            default -> "application/octet-stream";
        };
    }

    private static boolean compressible(String type) {
        return type.startsWith("text/") || type.equals("image/svg+xml");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
