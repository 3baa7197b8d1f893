package vn.cong.media;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;

/**
 * @param root     folder holding every tenant's uploads, one sub-folder per tenant code
 * @param maxBytes largest accepted image upload
 * @param attachmentMaxBytes largest accepted attachment (documents, spreadsheets, archives)
 * @param videoMaxBytes largest accepted MP4 video in the media library (kept as uploaded); an upload larger than
 *                      {@code micronaut.server.max-request-size} is refused before it gets here
 */
@ConfigurationProperties("cong.media")
public record MediaConfiguration(
        @Bindable(defaultValue = "data/media") Path root,
        @Bindable(defaultValue = "10485760") long maxBytes,
        @Bindable(defaultValue = "20971520") long attachmentMaxBytes,
        @Bindable(defaultValue = "25165824") long videoMaxBytes) {
}
