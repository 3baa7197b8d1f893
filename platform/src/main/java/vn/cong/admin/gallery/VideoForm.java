package vn.cong.admin.gallery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.content.gallery.ItemVideo;
import vn.cong.content.gallery.ItemVideos;
import vn.cong.web.CsrfForm;

/** The video of an item as the form posts it (ids of library files); shown back as typed when refused. */
@Serdeable
record VideoForm(@Nullable String videoId, @Nullable String posterId, @Nullable String captionsViId, @Nullable String captionsEnId,
                 @Nullable String title, @Nullable String csrfToken) implements CsrfForm {

    static VideoForm of(ItemVideo v) {
        return new VideoForm(String.valueOf(v.videoId()), text(v.posterId()), text(v.captionsViId()), text(v.captionsEnId()), v.title(), null);
    }

    static VideoForm empty() {
        return new VideoForm("", "", "", "", "", null);
    }

    ItemVideos.Choice choice() {
        return new ItemVideos.Choice(id(videoId), id(posterId), id(captionsViId), id(captionsEnId), title);
    }

    /** A number from a select; something that is not one becomes an id no file has, refused with the field's message. */
    static @Nullable Long id(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private static String text(@Nullable Long id) {
        return id == null ? "" : id.toString();
    }
}
