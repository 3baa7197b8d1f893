package vn.cong.security;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logInOk;

/**
 * The attack list ({@code ../shared/notes/attack-list.md}) as tests against the running platform over
 * HTTP with Host headers. This class holds the cases about host names and tenant ids; the other
 * classes of this package hold one group each. Cases already proved elsewhere are not tested twice:
 *
 * <pre>
 *  #  attack                                   where it is proved
 *  1  unknown host                             tenancy.HostResolutionTest.unknownHostGetsBareNotFoundNamingNoTenant; bare IP here
 *  2  tenant id in header/query/cookie         here
 *  3  tenant B's id in a path                  admin.articles.ArticleEditorTest.anotherTenantsEditorCannotSeeOrChangeTheArticle,
 *                                              workflow.WorkflowPagesTest.anotherTenantsStaffCannotSeeOrActOnTheItem,
 *                                              admin.attachments.AttachmentsTest.anotherTenantsStaffCannotSeeOrChangeTheFilesOfAnItemById;
 *                                              in a form field: StaffInputAttacksTest
 *  4  X-Forwarded-Host                         tenancy.HostResolutionTest.forwardedHostIsIgnoredFromUntrustedClients,
 *                                              tenancy.TrustedProxyHostTest
 *  5  session cookie replayed on another host  admin.StaffLoginTest.aSessionCookieFromAlphaIsAnonymousOnBeta,
 *                                              console.ConsoleAccessTest.aTenantStaffSessionIsUselessOnTheAdminHost
 *  6  spoofed Host in a set-password link      here
 *  7  script in article HTML                   content.PublishingTest.draftBodyIsSanitisedAndTextIsNormalisedToNfc; every vector
 *                                              through the staff form to the public page: StaffInputAttacksTest
 *  8  XSS in Q&amp;A fields                        not applicable yet: the platform has no Q&amp;A
 *  9  HTML or SVG renamed .pdf                 admin.attachments.AttachmentsTest.fileWhoseContentIsNotWhatItsNameSaysIsRefusedNamingTheFile,
 *                                              media.MediaStoreTest.unknownBytesAreRefused; the %PDF polyglot: UploadAttacksTest
 * 10  oversized upload, zip bomb               admin.attachments.AttachmentsTest.fileAboveTheServersOwnLimitGetsAVietnameseAnswer,
 *                                              media.MediaStoreTest.oversizedFileIsRefused; zip bomb: UploadAttacksTest
 * 11  ../ in an attachment name                content.attachments.DownloadNamesTest.pathsInNamesAreDropped,
 *                                              media.MediaStoreTest.pathTricksFindNothing; over HTTP: UploadAttacksTest
 * 12  uploads served inline                    admin.attachments.AttachmentsTest.downloadIsPublicOnlyOnceTheItemIsAndOnlyOnItsTenantsHosts
 * 13  CSRF on approve or publish               admin.CsrfProtectionTest (every staff POST goes through one check),
 *                                              admin.articles.ArticleEditorTest.postWithoutCsrfTokenIsRefused; approve: StaffInputAttacksTest
 * 14  IDOR on a draft or workflow item         404 across tenants: the tests of #3; 403 inside a tenant:
 *                                              workflow.WorkflowPagesTest.aRoleThatMayNotActIsRefusedWithAMessage
 * 15  brute force without a lock-out switch    LoginAttacksTest
 * 16  session fixation                         admin.StaffLoginTest.loginIssuesANewSessionIdAndThePreLoginIdIsWorthNothingAfterwards,
 *                                              console.ConsoleAccessTest.loginGivesANewSessionIdAndLogoutEndsIt
 * 17  departed user's live session             admin.accounts.AccountAdministrationTest.revokingAnAccountEndsItsLiveSessionAtOnce
 * 18  concurrent double approval               workflow.WorkflowTest.twoApproversActingOnTheSameVersionOneWinsTheOtherGetsAConflict,
 *                                              workflow.WorkflowPagesTest.secondApproverOnTheSameVersionGetsAConflictAndKeepsTheTypedComment
 * 19  homoglyph or NFD username                StaffInputAttacksTest
 * 20  SQL metacharacters in search             StaffInputAttacksTest (no search yet: the document filters)
 * 21  open redirect after login                admin.StaffLoginTest.loginContinuesToTheRequestedStaffPageButNeverOffSite; over HTTP: StaffInputAttacksTest
 * 22  mass assignment of tenantId or role      StaffInputAttacksTest
 * 23  background job with no tenant            tenancy.OneConnectionPoolIsolationTest.queryWithoutTenantFailsLoudlyEvenRightAfterATenantQuery
 * 24  one cache key in two tenants             site.PageCacheTest.cachedPageOfOneTenantIsNeverServedToAnother
 * 25  CRLF in a log field                      LogAndMailInjectionTest
 * 26  server-side request forgery              OutboundRequestTest (linked sites are set by the operator's manifest only;
 *                                              no webhooks or imports exist yet)
 * 27  XML external entities                    UploadAttacksTest (Office files; no XML import exists yet)
 * 28  formula injection in exports             not applicable yet: the platform exports no spreadsheet or CSV
 * 29  header injection in e-mail               LogAndMailInjectionTest (no public form sends mail yet)
 * 30  CSP with the rich-text editor            StaffInputAttacksTest (the article editor page, where TinyMCE runs, included)
 * </pre>
 */
@MicronautTest(transactional = false)
class AttackListTest extends PlatformTestSupport {

    static final String ALPHA = "alpha.most.localhost";
    static final String BETA = "beta.most.localhost";

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
    }

    private Browser at(String host) {
        return new Browser(server.getPort(), host);
    }

    @Test
    void bareIpHostGetsNotFoundNamingNoTenantAndLinkingNowhere() {
        for (String host : new String[]{"127.0.0.1", "127.0.0.1:" + server.getPort(), "[::1]", "10.0.0.7"}) {
            for (String path : new String[]{"/", "/bai-viet/chuyen-doi-so-2026", "/quan-tri/dang-nhap"}) {
                HttpResponse<String> answer = at(host).get(path);
                assertEquals(404, answer.statusCode(), host + path);
                assertFalse(answer.body().contains("Alpha") || answer.body().contains("Beta") || answer.body().contains("Bộ"),
                        host + path + " names a tenant: " + answer.body());
                assertFalse(answer.body().contains("http://") || answer.body().contains("https://"),
                        host + path + " builds an absolute link: " + answer.body());
                assertTrue(answer.headers().firstValue("Set-Cookie").isEmpty(), host + path + " opens a session");
            }
        }
    }

    @Test
    void aTenantNamedInAHeaderQueryOrCookieNeverOverridesTheHost() {
        Map<String, String> pointingAtBeta = Map.of("X-Tenant", "beta", "X-Tenant-Id", "beta", "Cookie", "tenant=beta; CONG_TENANT=beta");
        for (String path : new String[]{"/bai-viet/chuyen-doi-so-2026", "/bai-viet/chuyen-doi-so-2026?tenant=beta&tenantId=beta"}) {
            HttpResponse<String> answer = at(ALPHA).get(path, pointingAtBeta);
            assertEquals(200, answer.statusCode(), path);
            assertEquals("Cục Alpha ra mắt nền tảng số riêng", Jsoup.parse(answer.body()).selectFirst("h1").text(), path);
            assertFalse(answer.body().contains("Nội dung chỉ của Beta."), path);
        }
    }

    @Test
    void aSetPasswordLinkIsBuiltFromTheRegisteredHostNotFromAHostileHostHeader() {
        String hostile = ALPHA + ":8082@evil.example";
        Browser admin = at(ALPHA);
        logInOk(admin, "quantri", "MatKhauAlpha2026!");
        Browser spoofed = admin.at(hostile);
        String token = csrfToken(admin.get("/quan-tri/tai-khoan/moi"));
        HttpResponse<String> created = spoofed.postForm("/quan-tri/tai-khoan", Map.of("username", "lien-ket-gia", "fullName", "Người Nhận",
                "email", "nguoinhan@alpha.example.vn", "roles", "editor", "passwordMode", "link", "password", "", "csrfToken", token),
                Map.of("Origin", "http://" + ALPHA));
        if (created.statusCode() == 201) {
            String link = Jsoup.parse(created.body()).selectFirst("#lien-ket").attr("value");
            assertTrue(link.startsWith("http://" + ALPHA + "/quan-tri/dat-mat-khau?token="), link);
        } else {
            assertTrue(created.statusCode() == 400 || created.statusCode() == 404,
                    "a hostile Host is refused as a bad or unknown host: " + created.statusCode());
            assertFalse(created.body().contains("evil.example"), created.body());
        }
    }
}
