package vn.cong.site;

import jakarta.inject.Singleton;
import vn.cong.content.kinds.ContentKinds;
import vn.cong.content.kinds.KindDeclaration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registries a portal's main menu may lead to besides its sections: the public list of every
 * declared content kind (legal documents → {@code /van-ban}, …), the about pages, the published questions
 * and answers ({@code /hoi-dap}) and the member portals' directory. A theme version names them by key ({@code document}, {@code about}, …).
 */
@Singleton
public class MenuTargets {

    /** A registry: its key, what staff call it, its address in Vietnamese and the theme text that names it. */
    public record Target(String key, String staffLabel, String path, String headingKey) {

        public String url(String lang) {
            return ("en".equals(lang) ? "/en" : "") + path;
        }
    }

    private final Map<String, Target> targets = new LinkedHashMap<>();

    MenuTargets(ContentKinds kinds) {
        for (var kind : kinds.all()) {
            KindDeclaration d = kind.declaration();
            targets.put(d.kind(), new Target(d.kind(), d.name(), d.publicPath(), d.list().messages() + ".heading"));
        }
        targets.put("about", new Target("about", "Giới thiệu", "/gioi-thieu", "about.heading"));
        targets.put("questions", new Target("questions", "Hỏi – đáp", "/hoi-dap", "qa.heading"));
        targets.put("directory", new Target("directory", "Cổng thành viên", PublicUrls.directory("vi"), "directory.heading"));
    }

    public List<Target> all() {
        return List.copyOf(targets.values());
    }

    public Optional<Target> find(String key) {
        return Optional.ofNullable(targets.get(key));
    }
}
