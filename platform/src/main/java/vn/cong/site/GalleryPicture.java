package vn.cong.site;

import io.micronaut.core.annotation.Nullable;
import vn.cong.content.gallery.GalleryImage;
import vn.cong.media.ResponsiveImages;

/**
 * A picture of an article's gallery as the page draws it: its address and smaller copies (srcset, for a grid of one
 * column on a phone and up to three on a wide screen), its text alternative and caption. {@code full} is the
 * uploaded picture, which the picture links to.
 */
public record GalleryPicture(String src, @Nullable String srcset, String full, String alt, String caption,
                             @Nullable Integer width, @Nullable Integer height) {

    /** How wide a picture of the grid is drawn, for the browser to pick from srcset. */
    public static final String SIZES = "(max-width: 40rem) 100vw, (max-width: 60rem) 50vw, 20rem";

    static GalleryPicture of(GalleryImage image, @Nullable ResponsiveImages.Picture picture) {
        String src = picture == null ? image.url() : picture.src();
        return new GalleryPicture(src, picture == null ? null : picture.srcset(), src, image.altText(), image.caption(),
                image.width(), image.height());
    }

    public String sizes() {
        return srcset == null ? null : SIZES;
    }
}
