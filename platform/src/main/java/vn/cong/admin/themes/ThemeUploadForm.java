package vn.cong.admin.themes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The version form sent with a logo or banner file ("Tải lên" is a button of that form): its text fields, read as
 * a {@link ThemeForm}, the image variable the file is for ({@code target}) and the file itself (absent when the
 * browser sent no file part). A post without the version's own fields (no {@code theme}) only changes the image.
 */
record ThemeUploadForm(Map<String, String> fields, @Nullable CompletedFileUpload file) {

    static final String FILE = "file";

    /**
     * Reads the whole multipart body: every part, whenever it arrives (binding the file as a {@code @Part} beside a
     * map of the fields ran the method as soon as the file came, with the fields bound so far). A repeated name
     * keeps its last value.
     */
    static Mono<ThemeUploadForm> read(MultipartBody body) {
        return Flux.from(body).collectList().map(ThemeUploadForm::of);
    }

    static ThemeUploadForm of(List<CompletedPart> parts) {
        Map<String, String> fields = new LinkedHashMap<>();
        CompletedFileUpload file = null;
        for (CompletedPart part : parts) {
            if (part instanceof CompletedFileUpload upload) {
                if (FILE.equals(part.getName())) {
                    file = upload;
                } else {
                    upload.discard();
                }
            } else if (!FILE.equals(part.getName())) {
                fields.put(part.getName(), text(part));
            }
        }
        return new ThemeUploadForm(fields, file);
    }

    private static String text(CompletedPart part) {
        try {
            return new String(part.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String target() {
        return fields.getOrDefault("target", "").strip();
    }

    boolean carriesVersion() {
        return fields.containsKey("theme");
    }

    ThemeForm form() {
        return new ThemeForm(fields);
    }
}
