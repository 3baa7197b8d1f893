package vn.cong.admin.attachments;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cong.media.MediaConfiguration;
import vn.cong.media.SizeText;

/**
 * A file above Micronaut's own upload limit ({@code micronaut.server.multipart.max-file-size}, set above
 * {@code cong.media.attachment-max-bytes}) never reaches the platform's check: the person who sent it
 * still reads, in Vietnamese, what the limit is, instead of a JSON error.
 */
@Singleton
@Produces
@Replaces(ContentLengthExceededHandler.class)
final class UploadTooLargeHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UploadTooLargeHandler.class);

    private final MediaConfiguration media;

    UploadTooLargeHandler(MediaConfiguration media) {
        this.media = media;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException exception) {
        LOG.info("{} {} refused, too large: {}", request.getMethod(), request.getPath(), exception.getMessage());
        String limit = SizeText.of(media.attachmentMaxBytes());
        return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                .contentType("text/html;charset=utf-8")
                .header("Cache-Control", "no-store")
                .body("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Tệp quá lớn</title></head><body><main>"
                        + "<h1>Tệp quá lớn</h1><p>Tệp gửi lên vượt quá giới hạn: mỗi tệp đính kèm tối đa " + limit
                        + ". Hãy quay lại trang trước và chọn tệp nhỏ hơn.</p></main></body></html>");
    }
}
