package vn.cong.site.kinds;

import jakarta.inject.Singleton;
import vn.cong.site.PageRoutes;
import vn.cong.site.PublicPage;

import java.util.Map;
import java.util.Optional;

/** The content kinds' list and detail pages and the about pages, by path, for the theme preview. */
@Singleton
class KindPageRoutes implements PageRoutes {

    private final DocumentsController documents;
    private final ConsultationsController consultations;
    private final ProceduresController procedures;
    private final AboutController about;

    KindPageRoutes(DocumentsController documents, ConsultationsController consultations, ProceduresController procedures,
                   AboutController about) {
        this.documents = documents;
        this.consultations = consultations;
        this.procedures = procedures;
        this.about = about;
    }

    @Override
    public Optional<PublicPage> page(String lang, String path, Map<String, String> q) {
        return switch (path) {
            case "/van-ban" -> documents.listPage(lang, q.get("loai"), q.get("co-quan"), q.get("nam"), q.get("tinh-trang"), q.get("trang"));
            case "/du-thao" -> consultations.listPage(lang, q.get("tinh-trang"), q.get("trang"));
            case "/thu-tuc" -> procedures.listPage(lang, q.get("muc-do"), q.get("linh-vuc"), q.get("don-vi"), q.get("trang"));
            case "/gioi-thieu" -> about.aboutPage(lang, "");
            default -> {
                String[] parts = path.split("/", -1);
                if (parts.length != 3) {
                    yield Optional.empty();
                }
                yield switch (parts[1]) {
                    case "van-ban" -> documents.detailPage(lang, parts[2]);
                    case "du-thao" -> consultations.detailPage(lang, parts[2]);
                    case "thu-tuc" -> procedures.detailPage(lang, parts[2]);
                    case "gioi-thieu" -> about.aboutPage(lang, parts[2]);
                    default -> Optional.empty();
                };
            }
        };
    }
}
