package vn.cong.content.gallery;

import io.micronaut.core.annotation.Nullable;

/**
 * The video an item carries: the MP4 as uploaded, the poster shown before it plays and its captions (phụ đề) in
 * Vietnamese and English; addresses are under {@code /media}. {@code title} says what the video shows.
 */
public record ItemVideo(long videoId, String url, String fileName, String sizeText, String title,
                        @Nullable Long posterId, @Nullable String posterUrl,
                        @Nullable Long captionsViId, @Nullable String captionsViUrl,
                        @Nullable Long captionsEnId, @Nullable String captionsEnUrl) {
}
