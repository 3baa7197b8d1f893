package vn.cong.media;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A file that begins with {@code %PDF-} is a PDF only if it opens as one: Apache PDFBox parses its
 * structure (catalog, page tree, at least one page), and markup a browser would take for HTML
 * outside the file's streams (an HTML polyglot) is refused. Parsing runs on the bounded
 * {@code pdf-check} executor, with a time limit and a limit on the memory PDFBox may use for
 * its buffers, so a hostile file costs at most one thread for a few seconds.
 */
@Singleton
public class PdfStructure {

    private static final Logger LOG = LoggerFactory.getLogger(PdfStructure.class);
    /** Tags that make a browser's sniffer, or a reader, see a web page. */
    private static final Pattern MARKUP = Pattern.compile("<\\s*(!doctype\\s+html|html|head|body|script|iframe|svg|object|embed|meta)[\\s>/]");

    private final Scheduler executor;
    private final Duration timeLimit;
    private final long memoryLimit;

    PdfStructure(@Named("pdf-check") ExecutorService executor,
                 @Value("${cong.media.pdf-check.time-limit:10s}") Duration timeLimit,
                 @Value("${cong.media.pdf-check.memory-limit:67108864}") long memoryLimit) {
        this.executor = Schedulers.fromExecutorService(executor, "pdf-check");
        this.timeLimit = timeLimit;
        this.memoryLimit = memoryLimit;
    }

    /** Completes when {@code bytes} are a PDF that opens; else fails with {@link UploadRefused}. */
    public Mono<Void> check(String displayName, byte[] bytes) {
        return Mono.fromRunnable(() -> parse(displayName, bytes))
                .subscribeOn(executor)
                .timeout(timeLimit)
                .onErrorMap(TimeoutException.class, e -> new UploadRefused("Không kiểm tra kịp cấu trúc tệp PDF «" + displayName
                        + "» (quá " + timeLimit.toSeconds() + " giây); hãy lưu lại tệp bằng phần mềm PDF rồi tải lên lần nữa."))
                .then();
    }

    private void parse(String displayName, byte[] bytes) {
        if (MARKUP.matcher(outsideStreams(bytes)).find()) {
            throw notAPdf(displayName, "có chứa mã HTML");
        }
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(bytes), "",
                MemoryUsageSetting.setupMainMemoryOnly(memoryLimit).streamCache)) {
            if (document.getNumberOfPages() < 1) {
                throw notAPdf(displayName, "không có trang nào");
            }
            document.getPage(0).getMediaBox();
        } catch (InvalidPasswordException e) {
            throw new UploadRefused("Tệp PDF «" + displayName + "» được đặt mật khẩu mở; hãy tải lên bản không đặt mật khẩu.");
        } catch (IOException | RuntimeException e) {
            if (e instanceof UploadRefused refused) {
                throw refused;
            }
            LOG.info("PDF upload {} refused: {}", displayName, e.toString());
            throw notAPdf(displayName, "không đọc được cấu trúc");
        }
    }

    private static UploadRefused notAPdf(String displayName, String why) {
        return new UploadRefused("Tệp «" + displayName + "» không phải là tệp PDF hợp lệ (" + why
                + "); hãy xuất lại tài liệu ra PDF rồi tải lên lần nữa.");
    }

    /**
     * The file's text with the contents of its streams left out (they hold compressed or binary
     * data, not markup a reader sees), lower-cased, one char per byte.
     */
    static String outsideStreams(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(Math.min(text.length(), 1 << 16));
        int from = 0;
        while (true) {
            int start = text.indexOf("stream", from);
            // "endstream" also contains "stream": only a keyword that opens a stream counts
            while (start > 0 && text.startsWith("end", start - 3)) {
                start = text.indexOf("stream", start + 6);
            }
            if (start < 0) {
                out.append(text, from, text.length());
                break;
            }
            out.append(text, from, start);
            int end = text.indexOf("endstream", start + 6);
            if (end < 0) {
                break;
            }
            from = end + "endstream".length();
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
