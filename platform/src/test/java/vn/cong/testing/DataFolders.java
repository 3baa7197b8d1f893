package vn.cong.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A test class's own media and backup folders under a fresh temporary directory, so backups of one class
 * never see another's: {@code cong.media.root} is {@code <root>/media}, {@code cong.backup.root} {@code <root>/backups}.
 * <pre>
 * private final DataFolders data = DataFolders.temporary("cong-backup-test");
 * protected Map&lt;String, String&gt; extraProperties() { return data.properties(); }
 * </pre>
 */
public record DataFolders(Path root) {

    public static DataFolders temporary(String prefix) {
        try {
            return new DataFolders(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path backups() {
        return root.resolve("backups");
    }

    /** The two settings, plus {@code more} as key, value, key, value, … */
    public Map<String, String> properties(String... more) {
        Map<String, String> p = new HashMap<>();
        p.put("cong.media.root", root.resolve("media").toString());
        p.put("cong.backup.root", backups().toString());
        for (int i = 0; i + 1 < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        return p;
    }
}
