package vn.cong.admin.media;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.content.library.MediaLibrary;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.Tenant;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * One file's page of the media library: the file, where it is used, its description, its framing (focal point and
 * crop) and, for editors, replacing and deleting it. Each of its forms comes back here on error with what was typed.
 */
@Singleton
class MediaFilePage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final MediaLibrary library;
    private final AdminPages pages;

    MediaFilePage(MediaLibrary library, AdminPages pages) {
        this.library = library;
        this.pages = pages;
    }

    /** What one form on the page sent back after an error: the description, the focal point or the crop as typed. */
    record Typed(@Nullable DescriptionForm description, @Nullable FocusForm focus, @Nullable CropForm crop) {

        static final Typed NOTHING = new Typed(null, null, null);
    }

    Mono<MutableHttpResponse<String>> render(HttpRequest<?> request, Tenant tenant, StaffAccount me, HttpStatus status, long id,
                                             Typed typed, Map<String, String> errors, @Nullable String notice, @Nullable String alert) {
        return library.file(tenant, id).flatMap(found -> found.map(file -> library.usage(tenant, id).flatMap(uses -> {
            Map<String, Object> model = new HashMap<>();
            model.put("file", file);
            model.put("uploaded", file.uploadedAt().atZoneSameInstant(VietnamTime.ZONE).format(TIME));
            model.put("replaced", file.replacedAt() == null ? "" : file.replacedAt().atZoneSameInstant(VietnamTime.ZONE).format(TIME));
            model.put("uses", uses);
            model.put("form", typed.description() != null ? typed.description() : new DescriptionForm(file.altText(), file.caption()));
            FocusForm focus = typed.focus() != null ? typed.focus() : FocusForm.of(file.focus());
            CropForm crop = typed.crop() != null ? typed.crop() : CropForm.of(file.crop());
            model.put("focusForm", focus);
            model.put("cropForm", crop);
            model.put("marks", Marks.of(focus, crop));
            model.put("errors", errors);
            model.put("mayChange", me.hasAnyRole(MediaLibraryController.EDITORS));
            if (notice != null) {
                model.put("notice", notice);
            }
            if (alert != null) {
                model.put("alert", alert);
            }
            return pages.page(request, status, "media/file", model);
        })).orElseGet(() -> notFound(request)));
    }

    /**
     * Where the previews draw the focal point and the crop box, in % (CSS numbers): what was typed when it is a number
     * from 0 to 100, else the middle and the whole picture. Typed text never reaches a style attribute as such.
     */
    record Marks(String focusX, String focusY, String cropX, String cropY, String cropWidth, String cropHeight) {

        static Marks of(FocusForm focus, CropForm crop) {
            return new Marks(css(focus.focalX(), "50"), css(focus.focalY(), "50"), css(crop.cropX(), "0"), css(crop.cropY(), "0"),
                    css(crop.cropWidth(), "100"), css(crop.cropHeight(), "100"));
        }

        private static String css(@Nullable String typed, String otherwise) {
            try {
                double value = Double.parseDouble(typed == null ? "" : typed.strip().replace(',', '.'));
                return value >= 0 && value <= 100 ? String.valueOf(value) : otherwise;
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }
    }

    Mono<MutableHttpResponse<String>> notFound(HttpRequest<?> request) {
        return pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of("title", "Không tìm thấy tệp",
                "message", "Tệp này không có trong thư viện của cổng (có thể đã bị xoá).", "linkHref", MediaLibraryController.PATH,
                "linkText", "Về thư viện tư liệu"));
    }
}
