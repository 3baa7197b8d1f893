package vn.cong.reports.export;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import vn.cong.content.attachments.DownloadNames;

/**
 * An exported report, ready to download: {@code name} is the Vietnamese file name without extension
 * ("Báo cáo tài khoản quý 3-2026"); the browser gets it in {@code filename*} and an ASCII slug in
 * {@code filename}, as attachment downloads do.
 */
public record ReportFile(String name, ReportFormat format, byte[] bytes) {

    public String fileName() {
        return name + "." + format.extension();
    }

    public MutableHttpResponse<byte[]> download() {
        return HttpResponse.ok(bytes)
                .contentType(MediaType.of(format.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        DownloadNames.contentDisposition(DownloadNames.slug(fileName(), format.extension()), fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}
