package vn.cong.themes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded theme: its variables and contrast pairs (theme.yaml) and its static files with the
 * fingerprint that goes into their URLs, so browsers may keep them for a year and still see a new
 * version at once.
 */
public record Theme(String name, Map<String, String> label, Map<String, ThemeVariable> variables, List<ContrastPair> contrast,
                    Map<String, StaticAsset> assets, String fingerprint) {

    public Theme {
        label = Map.copyOf(label);
        contrast = List.copyOf(contrast);
    }

    /** URL prefix of this theme's static files, ending in a slash. */
    public String assetBase() {
        return "/static/" + name + "/" + fingerprint + "/";
    }

    public String label(String lang) {
        return label.getOrDefault(lang, label.getOrDefault("vi", name));
    }

    /** {@code selection} moved to this theme: only its texts and images are kept, everything else takes this theme's defaults. */
    public ThemeSelection restyled(ThemeSelection selection) {
        Map<String, String> kept = new LinkedHashMap<>();
        selection.values().forEach((name, value) -> {
            ThemeVariable variable = variables.get(name);
            if (variable != null && (variable.type() == ThemeVariable.Type.TEXT || variable.type() == ThemeVariable.Type.IMAGE)) {
                kept.put(name, value);
            }
        });
        return new ThemeSelection(name, values(kept), selection.menu());
    }

    /**
     * The theme's variables for one tenant: the tenant's value where it fits the variable, the
     * default otherwise. Values the theme does not declare are ignored.
     */
    public Map<String, String> values(Map<String, String> tenantValues) {
        Map<String, String> values = new LinkedHashMap<>();
        variables.forEach((name, variable) -> {
            String wanted = tenantValues.get(name);
            values.put(name, variable.accepts(wanted) ? wanted : variable.defaultValue());
        });
        return values;
    }
}
