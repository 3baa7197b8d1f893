package vn.cong.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A signed-in account whose password breaks today's rules (too short, or a common one) reaches nothing
 * of the staff area but the change-password page and logout until it has chosen a new one.
 */
@ServerFilter({"/quan-tri", "/quan-tri/**"})
final class PasswordChangeGate implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after(); // the security filter has found the account
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> guard(HttpRequest<?> request) {
        String path = request.getPath();
        if (!StaffAccount.passwordChangeDue(request) || path.equals(ChangePasswordController.PATH)
                || path.equals("/quan-tri/dang-xuat") || path.startsWith(StaffAreaFilter.ASSETS)) {
            return null;
        }
        String back = request.getMethod() == io.micronaut.http.HttpMethod.GET ? path : "/quan-tri";
        return HttpResponse.seeOther(URI.create(ChangePasswordController.PATH + "?tiep="
                + URLEncoder.encode(LoginController.continueTo(back), StandardCharsets.UTF_8)));
    }
}
