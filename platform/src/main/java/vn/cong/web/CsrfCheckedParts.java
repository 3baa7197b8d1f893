package vn.cong.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import org.reactivestreams.Subscriber;
import reactor.core.publisher.Flux;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A whole multipart body ({@code @Body MultipartBody}, for forms whose field names are known only at run time) as a
 * {@link CsrfProtected} route receives it: its parts reach the method only once they have all arrived and the form's
 * {@code csrfToken} field matched the session's; otherwise the body fails with {@link CsrfRejectedException} (403)
 * and the uploaded files are discarded. Text fields are read once into their own bytes, so they can be read again.
 * A method taking such a body must do nothing before it has read it.
 */
final class CsrfCheckedParts implements MultipartBody {

    private final Flux<CompletedPart> checked;

    CsrfCheckedParts(MultipartBody parts, StaffSession session) {
        this.checked = Flux.from(parts)
                .map(CsrfCheckedParts::owned)
                .collectList()
                .flatMapMany(all -> {
                    if (session.csrfMatches(token(all))) {
                        return Flux.fromIterable(all);
                    }
                    all.forEach(CsrfCheckedParts::discard);
                    return Flux.error(new CsrfRejectedException("token missing or wrong"));
                });
    }

    @Override
    public void subscribe(Subscriber<? super CompletedPart> subscriber) {
        checked.subscribe(subscriber);
    }

    private static String token(List<CompletedPart> parts) {
        String token = null;
        for (CompletedPart part : parts) {
            if (part instanceof Field field && CsrfInterceptor.FIELD.equals(field.getName())) {
                token = field.text();
            }
        }
        return token;
    }

    private static CompletedPart owned(CompletedPart part) {
        if (part instanceof CompletedFileUpload) {
            return part;
        }
        try {
            return new Field(part.getName(), part.getBytes(), part.getContentType().orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void discard(CompletedPart part) {
        if (part instanceof CompletedFileUpload upload) {
            upload.discard();
        }
    }

    /** A text field of the form, held as its own bytes. */
    record Field(String name, byte[] bytes, MediaType type) implements CompletedPart {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public byte[] getBytes() {
            return bytes.clone();
        }

        @Override
        public ByteBuffer getByteBuffer() {
            return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        }

        @Override
        public Optional<MediaType> getContentType() {
            return Optional.ofNullable(type);
        }
    }
}
