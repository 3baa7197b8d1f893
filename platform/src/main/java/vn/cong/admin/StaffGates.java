package vn.cong.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a signed-in account must do before anything else in the staff area, in this order: change a
 * password that breaks today's rules, acknowledge the security briefing (a new account), enrol a second
 * factor (leaders, when the tenant requires it). Until then every other staff page sends it to the first
 * such page; logout always works.
 */
@ServerFilter({"/quan-tri", "/quan-tri/**"})
final class StaffGates implements Ordered {

    private record Gate(String attribute, String page) {
    }

    private static final List<Gate> GATES = List.of(
            new Gate(StaffAccount.PASSWORD_CHANGE_DUE, ChangePasswordController.PATH),
            new Gate(StaffAccount.BRIEFING_DUE, BriefingController.PATH),
            new Gate(StaffAccount.MFA_ENROLMENT_DUE, SecurityController.PATH));

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after(); // the security filter has found the account
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> guard(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.equals("/quan-tri/dang-xuat") || path.startsWith(StaffAreaFilter.ASSETS)) {
            return null;
        }
        for (Gate gate : GATES) {
            if (request.getAttribute(gate.attribute(), Boolean.class).orElse(false)) {
                if (path.equals(gate.page()) || path.startsWith(gate.page() + "/")) {
                    return null;
                }
                String back = request.getMethod() == HttpMethod.GET ? path : "/quan-tri";
                return HttpResponse.seeOther(URI.create(gate.page() + "?tiep="
                        + URLEncoder.encode(LoginController.continueTo(back), StandardCharsets.UTF_8)));
            }
        }
        return null;
    }
}
