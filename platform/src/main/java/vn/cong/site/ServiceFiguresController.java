package vn.cong.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import reactor.core.publisher.Mono;
import vn.cong.content.kinds.ContentKinds;
import vn.cong.content.kinds.KindDeclaration;
import vn.cong.content.procedures.FiguresText;
import vn.cong.content.procedures.ProcessingFigures;
import vn.cong.content.procedures.Procedures;
import vn.cong.system.VietnamTime;

import java.time.Clock;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The public summary of the online public services' processing figures (seed 001 Đ14.2; 004 §II.3): for a
 * year, each published procedure's months (received, processed, on time, late, share on time) and the year's
 * total; each procedure's page shows its latest month and links here.
 */
@Produces(io.micronaut.http.MediaType.TEXT_HTML)
@Controller
class ServiceFiguresController {

    /** One month's line, printed in the reader's language. */
    record Line(String label, String received, String processed, String onTime, String late, String share) {
    }

    /** One procedure with its months and the year's total. */
    record Procedure(long id, String title, String url, String unit, List<Line> months, Line total) {
    }

    private final PublicPages pages;
    private final ProcessingFigures figures;
    private final KindDeclaration procedures;
    private final Clock clock;

    ServiceFiguresController(PublicPages pages, ProcessingFigures figures, ContentKinds kinds, Clock clock) {
        this.pages = pages;
        this.figures = figures;
        this.procedures = kinds.declaration(Procedures.KIND).orElseThrow();
        this.clock = clock;
    }

    @Get("/so-lieu-dich-vu-cong")
    Mono<HttpResponse<?>> vietnamese(HttpRequest<?> request, @Nullable @QueryValue String nam) {
        return serve(request, "vi", nam);
    }

    @Get("/en/so-lieu-dich-vu-cong")
    Mono<HttpResponse<?>> english(HttpRequest<?> request, @Nullable @QueryValue String nam) {
        return serve(request, "en", nam);
    }

    private Mono<HttpResponse<?>> serve(HttpRequest<?> request, String lang, @Nullable String nam) {
        int thisYear = Year.now(clock.withZone(VietnamTime.ZONE)).getValue();
        if (nam != null && !(nam.matches("\\d{4}") && Integer.parseInt(nam) >= 2000 && Integer.parseInt(nam) <= thisYear)) {
            return pages.serve(request, lang, FiguresText.summaryUrl(lang) + "?nam=" + "khong-hop-le", ctx -> Mono.empty());
        }
        int year = nam == null ? thisYear : Integer.parseInt(nam);
        String path = FiguresText.summaryUrl(lang) + (nam == null ? "" : "?nam=" + year);
        return pages.serve(request, lang, path, ctx -> figures.published(ctx.tenant(), YearMonth.of(year, 1), YearMonth.of(year, 12))
                .map(months -> {
                    SiteView site = ctx.site(null, FiguresText.summaryUrl("en".equals(lang) ? "vi" : "en") + (nam == null ? "" : "?nam=" + year));
                    Map<String, Object> model = ctx.model(site, ctx.text().get("serviceFigures.heading"));
                    model.put("year", year);
                    model.put("years", IntStream.rangeClosed(Math.max(2000, thisYear - 5), thisYear).boxed().sorted((a, b) -> b - a).toList());
                    model.put("procedures", grouped(months, lang));
                    model.put("summaryUrl", FiguresText.summaryUrl(lang));
                    return new PageView("service-figures", model);
                }));
    }

    private List<Procedure> grouped(List<ProcessingFigures.Month> months, String lang) {
        Map<Long, List<ProcessingFigures.Month>> byProcedure = new LinkedHashMap<>();
        months.forEach(m -> byProcedure.computeIfAbsent(m.itemId(), id -> new ArrayList<>()).add(m));
        return byProcedure.values().stream().map(rows -> {
            ProcessingFigures.Month first = rows.get(0);
            long received = rows.stream().mapToLong(ProcessingFigures.Month::received).sum();
            long processed = rows.stream().mapToLong(ProcessingFigures.Month::processed).sum();
            long onTime = rows.stream().mapToLong(ProcessingFigures.Month::onTime).sum();
            long late = rows.stream().mapToLong(ProcessingFigures.Month::late).sum();
            return new Procedure(first.itemId(), first.title(), procedures.publicUrl(first.language(), first.slug()), first.unit(),
                    rows.stream().map(m -> line(m.month().getMonthValue() + "/" + m.month().getYear(), m.received(), m.processed(),
                            m.onTime(), m.late(), lang)).toList(),
                    line("", received, processed, onTime, late, lang));
        }).toList();
    }

    private static Line line(String label, long received, long processed, long onTime, long late, String lang) {
        return new Line(label, FiguresText.count(received, lang), FiguresText.count(processed, lang), FiguresText.count(onTime, lang),
                FiguresText.count(late, lang), FiguresText.onTimeShare(onTime, processed, lang));
    }
}
