package vn.cong.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.Role;
import vn.cong.admin.StaffForms;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;

import java.util.Set;

/**
 * The usual world of an integration test, in one line: the test ministry ({@code bo}) with its two member
 * portals {@code alpha} and {@code beta} (manifests in {@code src/test/resources/manifests/}), an editor
 * {@value #EDITOR} in each, and browsers logged in as them.
 * <pre>
 * portals = TwoPortals.onboard(context);
 * Browser editor = portals.editor(portals.alpha());
 * </pre>
 * Each test class still gets its own database (see {@link PlatformTestSupport}), so the portals are new.
 */
public final class TwoPortals {

    public static final String MINISTRY_HOST = "www.most.localhost";
    public static final String ALPHA_HOST = "alpha.most.localhost";
    public static final String BETA_HOST = "beta.most.localhost";
    public static final String EDITOR = "bientap";
    public static final String ALPHA_EDITOR_PASSWORD = "BienTap2026!x";
    public static final String BETA_EDITOR_PASSWORD = "BetaEditor2026!";

    private final ApplicationContext context;
    private final Tenant alpha;
    private final Tenant beta;
    private final long alphaEditorId;
    private final long betaEditorId;

    private TwoPortals(ApplicationContext context, Tenant alpha, Tenant beta, long alphaEditorId, long betaEditorId) {
        this.context = context;
        this.alpha = alpha;
        this.beta = beta;
        this.alphaEditorId = alphaEditorId;
        this.betaEditorId = betaEditorId;
    }

    /** Onboards the ministry, alpha and beta, and gives alpha and beta an editor each. */
    public static TwoPortals onboard(ApplicationContext context) {
        Onboarding onboarding = context.getBean(Onboarding.class);
        for (String code : new String[] {"ministry", "alpha", "beta"}) {
            TestTenants.onboard(onboarding, code);
        }
        TenantRegistry registry = context.getBean(TenantRegistry.class);
        AccountAdministration accounts = context.getBean(AccountAdministration.class);
        Tenant alpha = registry.findByCode("alpha").orElseThrow();
        Tenant beta = registry.findByCode("beta").orElseThrow();
        long alphaEditor = accounts.create(alpha, 1, new AccountDetails(EDITOR, "bientap@alpha.vn", "Biên Tập Viên", "Ban biên tập", "", ""),
                Set.of(Role.EDITOR), ALPHA_EDITOR_PASSWORD).block().accountId();
        long betaEditor = accounts.create(beta, 1, new AccountDetails(EDITOR, "bientap@beta.vn", "Biên tập Beta", "Ban biên tập", "", ""),
                Set.of(Role.EDITOR), BETA_EDITOR_PASSWORD).block().accountId();
        return new TwoPortals(context, alpha, beta, alphaEditor, betaEditor);
    }

    public Tenant alpha() {
        return alpha;
    }

    public Tenant beta() {
        return beta;
    }

    /** The tenant as the registry holds it now (after a theme, status or content-version change). */
    public Tenant current(Tenant tenant) {
        return context.getBean(TenantRegistry.class).findByCode(tenant.code()).orElseThrow();
    }

    public long editorId(Tenant tenant) {
        return tenant.code().equals(alpha.code()) ? alphaEditorId : betaEditorId;
    }

    public static String host(Tenant tenant) {
        return tenant.code() + ".most.localhost";
    }

    /** A browser with no cookies yet, addressing {@code host}. */
    public Browser browser(String host) {
        return new Browser(context.getBean(EmbeddedServer.class).getPort(), host);
    }

    /** A browser logged in on the tenant's host as its editor {@value #EDITOR}. */
    public Browser editor(Tenant tenant) {
        return loggedIn(host(tenant), EDITOR, tenant.code().equals(alpha.code()) ? ALPHA_EDITOR_PASSWORD : BETA_EDITOR_PASSWORD);
    }

    /** A browser logged in on {@code host}; fails the test unless the login lands on the staff dashboard. */
    public Browser loggedIn(String host, String username, String password) {
        Browser browser = browser(host);
        StaffForms.logInOk(browser, username, password);
        return browser;
    }
}
