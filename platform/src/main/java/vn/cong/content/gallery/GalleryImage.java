package vn.cong.content.gallery;

import io.micronaut.core.annotation.Nullable;

/** A picture of an item's gallery (bộ ảnh), as the editors ordered it, with the text alternative readers get. */
public record GalleryImage(long id, long mediaId, String url, String altText, String caption,
                           @Nullable Integer width, @Nullable Integer height) {
}
