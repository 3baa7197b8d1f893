package vn.cong.site;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The public pages' UI strings ({@code i18n/messages_<lang>.properties}, UTF-8), given to templates as {@code t}. */
@Singleton
public class UiText {

    private final Map<String, Map<String, String>> byLanguage = Map.of("vi", load("vi"), "en", load("en"));

    public Map<String, String> of(String lang) {
        return byLanguage.getOrDefault(lang, byLanguage.get("vi"));
    }

    private static Map<String, String> load(String lang) {
        String resource = "i18n/messages_" + lang + ".properties";
        try (InputStream in = UiText.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> text = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> text.put(k, p.getProperty(k)));
            return Map.copyOf(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
