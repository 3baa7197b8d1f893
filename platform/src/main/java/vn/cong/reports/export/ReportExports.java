package vn.cong.reports.export;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.ExecutorService;

/**
 * Writes a {@link ReportDocument} as XLSX, DOCX or PDF. POI and OpenPDF block and hold the whole document in
 * memory, so the writing runs on the bounded {@code report-export} executor, never on an event loop.
 */
@Singleton
public class ReportExports {

    private final Scheduler executor;
    private final XlsxReport xlsx = new XlsxReport();
    private final DocxReport docx = new DocxReport();
    private final PdfReport pdf = new PdfReport();

    ReportExports(@Named("report-export") ExecutorService executor) {
        this.executor = Schedulers.fromExecutorService(executor, "report-export");
    }

    /** The report written in {@code format}, offered for download as {@code name}.{@code extension}. */
    public Mono<ReportFile> export(ReportDocument document, ReportFormat format, String name) {
        return Mono.fromCallable(() -> new ReportFile(name, format, write(document, format))).subscribeOn(executor);
    }

    byte[] write(ReportDocument document, ReportFormat format) {
        return switch (format) {
            case XLSX -> xlsx.write(document);
            case DOCX -> docx.write(document);
            case PDF -> pdf.write(document);
        };
    }
}
