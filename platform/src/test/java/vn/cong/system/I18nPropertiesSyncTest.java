package vn.cong.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Vietnamese and English UI strings stay in step: the same keys, none empty, the same placeholders. */
class I18nPropertiesSyncTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @Test
    void vietnameseAndEnglishMessagesHaveTheSameKeys() {
        Properties vi = load("vi");
        Properties en = load("en");
        assertEquals(new TreeSet<>(vi.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()),
                "i18n/messages_vi.properties and messages_en.properties must define the same keys");
    }

    @Test
    void noMessageIsEmptyAndTranslationsKeepTheirPlaceholders() {
        Properties vi = load("vi");
        Properties en = load("en");
        for (String key : vi.stringPropertyNames()) {
            String v = vi.getProperty(key);
            String e = en.getProperty(key);
            assertTrue(!v.isBlank(), "empty Vietnamese message " + key);
            assertTrue(e == null || !e.isBlank(), "empty English message " + key);
            if (e != null) {
                assertEquals(placeholders(v), placeholders(e), "placeholders of " + key + " differ between vi and en");
            }
        }
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Properties load(String lang) {
        String resource = "i18n/messages_" + lang + ".properties";
        try (InputStream in = I18nPropertiesSyncTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, "missing " + resource);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
