package vn.cong.console;

import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.ops.OperatorActor;
import vn.cong.ops.OperatorAuthentication;
import vn.cong.web.PageTemplates;

import java.util.HashMap;
import java.util.Map;

/**
 * Renders console pages ({@code views/admin/console/<name>.html}) through the web kit's templates,
 * adding who is signed in for the layout.
 */
@Singleton
class ConsolePages {

    private final PageTemplates pages;
    private final boolean devMail;

    ConsolePages(PageTemplates pages, Environment environment) {
        this.pages = pages;
        // the dev mail viewer exists only in the dev environment (ConsoleMailController)
        this.devMail = environment.getActiveNames().contains("dev");
    }

    Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, String template, Map<String, ?> model) {
        return page(request, HttpStatus.OK, template, model);
    }

    Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, HttpStatus status, String template, Map<String, ?> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("fmt", ConsoleFormat.INSTANCE);
        variables.put("devMail", devMail);
        variables.put("operator", request.getAttribute(OperatorAuthentication.ACTOR, OperatorActor.class)
                .map(OperatorActor::name).orElse(null));
        return pages.page(request, status, "console/" + template, variables);
    }
}
