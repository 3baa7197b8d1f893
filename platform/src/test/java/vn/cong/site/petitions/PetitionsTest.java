package vn.cong.site.petitions;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.Role;
import vn.cong.engagement.Unit;
import vn.cong.engagement.Units;
import vn.cong.media.MediaStore;
import vn.cong.system.mail.MailMessage;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.outbox.MailOutbox;
import vn.cong.tenancy.outbox.Outbox;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SampleFiles;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.text;

/**
 * Feedback and petitions end to end over HTTP: the form with files (the upload checks), e-mail confirmation, the desk
 * forwarding to a unit, the unit answering, the result sent and published without personal data, the status page,
 * withdrawal with erasure of the data and files, the /en form, personal data and files shown only to the desk and the
 * unit's staff, and tenant isolation (host, staff area, tracking code).
 */
@MicronautTest(transactional = false)
class PetitionsTest extends PlatformTestSupport {

    private static final Pattern CONFIRM_LINK = Pattern.compile("(/(?:en/)?phan-anh/xac-nhan/[A-Za-z0-9_-]+)");
    private static final String DESK = "tiepnhan";
    private static final String DESK_PASSWORD = "TiepNhanPhanAnh2026!";
    private static final String UNIT_STAFF = "donvi";
    private static final String UNIT_PASSWORD = "CanBoDonVi2026!x";

    @Inject ApplicationContext context;
    @Inject EmbeddedServer server;
    @Inject AccountAdministration accounts;
    @Inject Units units;
    @Inject Outbox outbox;
    @Inject MailOutbox mail;
    @Inject MediaStore media;
    @Inject vn.cong.engagement.PetitionDesk petitionDesk;

    private TwoPortals portals;
    private long planning;
    private int addresses;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.trusted-proxies", "127.0.0.1");
    }

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        Tenant alpha = portals.alpha();
        accounts.create(alpha, 1, new AccountDetails(DESK, "tiepnhan@alpha.vn", "Thư ký Ban biên tập", "Văn phòng Cục", "", ""),
                Set.of(Role.QA_DESK), DESK_PASSWORD).block();
        accounts.create(alpha, 1, new AccountDetails(UNIT_STAFF, "donvi@alpha.vn", "Cán bộ Kế hoạch", "Phòng Kế hoạch", "", ""),
                Set.of(Role.CONTRIBUTOR), UNIT_PASSWORD).block();
        planning = units.save(alpha, Unit.named("Phòng Kế hoạch")).block();
    }

    private static Map<String, String> petition(String email, String title) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", "Nguyễn Văn Phản Ánh");
        f.put("email", email);
        f.put("phone", "0987 654 321");
        f.put("address", "25 Trần Phú, Hải Phòng");
        f.put("unit", "");
        f.put("title", title);
        f.put("body", "Đề nghị xem xét việc chậm trả kết quả hồ sơ.\nXin cảm ơn.");
        f.put("consent", "on");
        f.put("website", "");
        return f;
    }

    /** Posts the form as a browser does: multipart, the file fields always present (empty when no file is chosen). */
    private HttpResponse<String> send(String host, String path, Map<String, String> fields, Map<String, byte[]> files) {
        String boundary = "----cong" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n"));
        List<Map.Entry<String, byte[]>> chosen = List.copyOf(files.entrySet());
        for (int i = 0; i < 3; i++) {
            String fileName = i < chosen.size() ? chosen.get(i).getKey() : "";
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file" + (i + 1) + "\"; filename=\"" + fileName + "\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n");
            if (i < chosen.size()) {
                body.writeBytes(chosen.get(i).getValue());
            }
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                    .header("Host", host)
                    .header("Origin", "http://" + host)
                    .header("X-Forwarded-For", "192.0.2." + (++addresses))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private String sent(HttpResponse<String> response) {
        assertEquals(303, response.statusCode(), response.body());
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.indexOf("ma=") + 3);
    }

    private List<MailMessage> mailTo(Tenant tenant, String to) {
        return outbox.messages(tenant).block().stream().filter(m -> MailOutbox.KIND.equals(m.kind()))
                .map(m -> mail.mail(tenant, m).block()).filter(m -> m.to().contains(to)).toList();
    }

    private String confirmationLink(Tenant tenant, String to) {
        List<MailMessage> found = mailTo(tenant, to);
        assertFalse(found.isEmpty(), "a confirmation e-mail went to " + to);
        Matcher m = CONFIRM_LINK.matcher(found.get(0).text());
        assertTrue(m.find(), found.get(0).text());
        return m.group(1);
    }

    private String sendAndConfirm(String email, String title, Map<String, byte[]> files) {
        String code = sent(send(TwoPortals.ALPHA_HOST, "/phan-anh/gui", petition(email, title), files));
        Browser b = portals.browser(TwoPortals.ALPHA_HOST);
        assertEquals(200, b.postForm(confirmationLink(portals.alpha(), email), Map.of()).statusCode());
        return code;
    }

    private long idOf(String code) {
        return SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.petitions WHERE tracking_code = '" + code + "'");
    }

    private HttpResponse<String> staffPost(Browser staff, long id, String step, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrfToken", csrfToken(staff.get("/quan-tri/phan-anh/" + id)));
        return staff.postForm("/quan-tri/phan-anh/" + id + "/" + step, form);
    }

    @Test
    void aPetitionWithFilesWaitsForItsConfirmedAddressThenReachesTheDesk() {
        Browser reader = portals.browser(TwoPortals.ALPHA_HOST);
        assertEquals(200, reader.get("/phan-anh/gui").statusCode());
        byte[] pdf = SampleFiles.pdf();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("bien-ban.pdf", pdf);
        files.put("don-de-nghi.docx", SampleFiles.docx());
        String code = sent(send(TwoPortals.ALPHA_HOST, "/phan-anh/gui", petition("co-tep@example.vn", "Phản ánh kèm tệp"), files));
        assertTrue(code.matches("PA-[A-Z2-9]{10}"), code);
        assertTrue(text(reader.get("/phan-anh/tra-cuu?ma=" + code)).contains("Chờ xác nhận địa chỉ thư điện tử"));
        Browser desk = portals.loggedIn(TwoPortals.ALPHA_HOST, DESK, DESK_PASSWORD);
        assertFalse(text(desk.get("/quan-tri/phan-anh")).contains("Phản ánh kèm tệp"), "not in the queue before it is confirmed");

        String link = confirmationLink(portals.alpha(), "co-tep@example.vn");
        assertEquals(200, reader.get(link).statusCode());
        assertTrue(text(reader.get("/phan-anh/tra-cuu?ma=" + code)).contains("Chờ xác nhận"), "opening the link confirms nothing");
        assertTrue(text(reader.postForm(link, Map.of())).contains("Đã xác nhận"));
        assertTrue(text(reader.get("/phan-anh/tra-cuu?ma=" + code)).contains("Đã tiếp nhận"));

        long id = idOf(code);
        assertTrue(text(desk.get("/quan-tri/phan-anh")).contains("Phản ánh kèm tệp"));
        Document detail = Jsoup.parse(desk.get("/quan-tri/phan-anh/" + id).body());
        assertEquals(List.of("bien-ban.pdf", "don-de-nghi.docx"), detail.select(".petition-files a").eachText());
        HttpResponse<byte[]> file = desk.getBytes(detail.selectFirst(".petition-files a").attr("href"), Map.of());
        assertEquals(200, file.statusCode());
        assertArrayEquals(pdf, file.body());
        assertEquals("application/pdf", file.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void aFileThatFailsTheUploadChecksIsRefusedAndTheFormKeepsWhatWasTyped() {
        HttpResponse<String> refused = send(TwoPortals.ALPHA_HOST, "/phan-anh/gui", petition("tep-xau@example.vn", "Phản ánh kèm tệp giả"),
                Map.of("anh.png", SampleFiles.pdf()));
        assertEquals(400, refused.statusCode());
        Document doc = Jsoup.parse(refused.body());
        assertTrue(doc.selectFirst("#loi-files").text().contains("không khớp với phần mở rộng .png"), doc.selectFirst("#loi-files").text());
        assertEquals("Phản ánh kèm tệp giả", doc.selectFirst("#title").attr("value"));
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.petitions WHERE title = 'Phản ánh kèm tệp giả'"));
        Map<String, String> noContact = petition("khong-lien-he@example.vn", "Thiếu liên hệ");
        noContact.put("phone", "");
        noContact.put("address", "");
        HttpResponse<String> invalid = send(TwoPortals.ALPHA_HOST, "/phan-anh/gui", noContact, Map.of());
        assertEquals(400, invalid.statusCode());
        assertTrue(Jsoup.parse(invalid.body()).selectFirst("#loi-phone").text().contains("số điện thoại hoặc địa chỉ"));
    }

    @Test
    void theUnitAnswersTheDeskPublishesAndPersonalDataStaysWithTheDeskAndTheUnit() {
        String code = sendAndConfirm("theo-doi@example.vn", "Đề nghị sửa đường ống nước", Map.of("anh-hien-truong.pdf", SampleFiles.pdf()));
        long id = idOf(code);
        Browser desk = portals.loggedIn(TwoPortals.ALPHA_HOST, DESK, DESK_PASSWORD);
        assertEquals(303, staffPost(desk, id, "chuyen", Map.of("unit", String.valueOf(planning))).statusCode());

        Browser editor = portals.editor(portals.alpha());
        HttpResponse<String> outside = editor.get("/quan-tri/phan-anh/" + id);
        assertEquals(200, outside.statusCode());
        assertFalse(outside.body().contains("theo-doi@example.vn"), "staff outside the unit do not see the address");
        assertFalse(outside.body().contains("0987 654 321"));
        assertTrue(Jsoup.parse(outside.body()).select(".petition-files a").isEmpty(), "nor the files");
        long mediaId = SqlProbe.number(this::jdbc, "SELECT media_id FROM t_alpha.petition_files WHERE petition_id = " + id);
        assertEquals(404, editor.getBytes("/quan-tri/phan-anh/" + id + "/tep/" + mediaId, Map.of()).statusCode());
        assertFalse(text(editor.get("/quan-tri/phan-anh")).contains("Đề nghị sửa đường ống nước"), "not in their queue");

        Browser unit = portals.loggedIn(TwoPortals.ALPHA_HOST, UNIT_STAFF, UNIT_PASSWORD);
        assertTrue(text(unit.get("/quan-tri/phan-anh")).contains("Đề nghị sửa đường ống nước"));
        assertTrue(unit.get("/quan-tri/phan-anh/" + id).body().contains("theo-doi@example.vn"), "the unit's staff see it");
        assertEquals(200, unit.getBytes("/quan-tri/phan-anh/" + id + "/tep/" + mediaId, Map.of()).statusCode());
        assertEquals(409, staffPost(editor, id, "tra-loi", Map.of("answer", "Trả lời của người ngoài đơn vị")).statusCode());
        assertEquals(303, staffPost(unit, id, "tra-loi", Map.of("answer", "Công ty cấp nước đã sửa xong đường ống ngày 02/12.")).statusCode());
        assertEquals(403, staffPost(unit, id, "ket-qua", Map.of("publish", "on")).statusCode(), "only the desk sends the result");
        assertEquals(303, staffPost(desk, id, "ket-qua", Map.of("publish", "on", "sensitivity", "routine", "phone", "024 3943 1006")).statusCode());

        // to be published, the answer first goes through the tenant's approval policy (MOST: a routine item needs the editors only)
        assertEquals("approving", SqlProbe.string(this::jdbc, "SELECT status FROM t_alpha.petitions WHERE id = " + id));
        assertEquals(404, portals.browser(TwoPortals.ALPHA_HOST).get("/phan-anh/" + id).statusCode(), "not public before it is published");
        assertTrue(mailTo(portals.alpha(), "theo-doi@example.vn").stream().noneMatch(m -> m.text().contains("Công ty cấp nước đã sửa xong")));
        throughTheWorkflow(id);

        Browser reader = portals.browser(TwoPortals.ALPHA_HOST);
        HttpResponse<String> page = reader.get("/phan-anh/" + id);
        assertEquals(200, page.statusCode());
        String shown = text(page);
        assertTrue(shown.contains("Đề nghị sửa đường ống nước") && shown.contains("Công ty cấp nước đã sửa xong") && shown.contains("Phòng Kế hoạch"), shown);
        for (String personal : List.of("theo-doi@example.vn", "0987 654 321", "25 Trần Phú", "Nguyễn Văn Phản Ánh", "anh-hien-truong")) {
            assertFalse(page.body().contains(personal), "never public: " + personal);
        }
        assertTrue(text(reader.get("/phan-anh")).contains("Đề nghị sửa đường ống nước"));
        assertTrue(text(reader.get("/phan-anh/tra-cuu?ma=" + code)).contains("Đã trả lời và công khai"));
        assertTrue(mailTo(portals.alpha(), "theo-doi@example.vn").stream().anyMatch(m -> m.text().contains("Công ty cấp nước đã sửa xong")),
                "the sender gets the answer by e-mail");
    }

    /** The editors take the petition's answer, send it up (a routine item: approved at once under MOST) and publish it. */
    private void throughTheWorkflow(long id) {
        long item = SqlProbe.number(this::jdbc, "SELECT answer_item_id FROM t_alpha.petitions WHERE id = " + id);
        Browser editor = portals.editor(portals.alpha());
        for (String step : List.of("nhan", "trinh", "dang")) {
            HttpResponse<String> page = editor.get("/quan-tri/quy-trinh/" + item);
            HttpResponse<String> done = editor.postForm("/quan-tri/quy-trinh/" + item + "/buoc/" + step, Map.of("csrfToken", csrfToken(page),
                    "version", String.valueOf(SqlProbe.number(this::jdbc, "SELECT version FROM t_alpha.content_items WHERE id = " + item))));
            assertEquals(303, done.statusCode(), step + ": " + text(done));
        }
        assertEquals("publish", SqlProbe.string(this::jdbc, "SELECT action FROM t_alpha.content_events WHERE item_id = " + item
                + " ORDER BY chain_seq DESC LIMIT 1"));
    }

    @Test
    void aPetitionHasTheQaDeadlinesOnTheBoardAndTheDeskThenTheUnitAreRemindedOnce() {
        String code = sendAndConfirm("han@example.vn", "Phản ánh nhận trước Tết", Map.of());
        long id = idOf(code);
        // received at 16:55 on Friday 24 January 2025, the last working day before Tết Ất Tỵ (25 January – 2 February)
        SqlProbe.run(this::jdbc, "UPDATE t_alpha.petitions SET received_at = '2025-01-24T16:55:00+07:00' WHERE id = " + id);
        Browser desk = portals.loggedIn(TwoPortals.ALPHA_HOST, DESK, DESK_PASSWORD);
        String queue = text(desk.get("/quan-tri/phan-anh"));
        assertTrue(queue.contains("Chuyển đơn vị trả lời: 16:55 03/02/2025 (quá hạn)"), "forward within 1 working day: Monday 3 February; " + queue);
        Browser editor = portals.editor(portals.alpha());
        Document board = Jsoup.parse(editor.get("/quan-tri/quy-trinh/theo-doi").body());
        assertTrue(board.select(".petitions-due li").eachText().stream().anyMatch(l -> l.contains("Phản ánh nhận trước Tết")
                && l.contains("16:55 03/02/2025") && l.contains("(quá hạn)")), board.select(".petitions-due").text());

        String deskNotices = "SELECT count(*) FROM t_alpha.notifications n JOIN t_alpha.accounts a ON a.id = n.account_id WHERE a.username = '"
                + DESK + "' AND n.message = 'Quá hạn chuyển đơn vị trả lời (16:55 03/02/2025): phản ánh, kiến nghị «Phản ánh nhận trước Tết»'";
        petitionDesk.remind(portals.alpha(), java.time.Duration.ofHours(6)).block();
        assertEquals(1, SqlProbe.number(this::jdbc, deskNotices), "the desk is reminded, with the deadline");
        petitionDesk.remind(portals.alpha(), java.time.Duration.ofHours(6)).block();
        assertEquals(1, SqlProbe.number(this::jdbc, deskNotices), "once");

        // forwarded late (Tuesday 4 February 09:30): its own overdue step; the unit's 3 working days run from the actual forwarding
        assertEquals(303, staffPost(desk, id, "chuyen", Map.of("unit", String.valueOf(planning))).statusCode());
        SqlProbe.run(this::jdbc, "UPDATE t_alpha.petitions SET forwarded_at = '2025-02-04T09:30:00+07:00' WHERE id = " + id);
        Document detail = Jsoup.parse(desk.get("/quan-tri/phan-anh/" + id).body());
        assertEquals(List.of("Chuyển đơn vị trả lời 16:55 03/02/2025 09:30 04/02/2025 Quá hạn", "Đơn vị trả lời 09:30 07/02/2025 chưa Quá hạn"),
                detail.select("table.deadlines tbody tr").eachText());
        String unitNotices = "SELECT count(*) FROM t_alpha.notifications n JOIN t_alpha.accounts a ON a.id = n.account_id WHERE a.username = '"
                + UNIT_STAFF + "' AND n.message LIKE '%";
        assertEquals(1, SqlProbe.number(this::jdbc, unitNotices + "được chuyển tới đơn vị%Phản ánh nhận trước Tết%'"), "the unit is told at once");
        petitionDesk.remind(portals.alpha(), java.time.Duration.ofHours(6)).block();
        assertEquals(1, SqlProbe.number(this::jdbc, unitNotices + "Quá hạn đơn vị trả lời (09:30 07/02/2025): phản ánh, kiến nghị «Phản ánh nhận trước Tết»'"),
                "then reminded to answer");
    }

    @Test
    void theSenderWithdrawsAndHasTheirDataAndFilesErased() throws IOException {
        String code = sendAndConfirm("rut@example.vn", "Phản ánh sẽ rút", Map.of("giay-to.pdf", SampleFiles.pdf()));
        long id = idOf(code);
        String stored = SqlProbe.string(this::jdbc, "SELECT m.stored_path FROM t_alpha.petition_files f JOIN t_alpha.media_files m ON m.id = f.media_id"
                + " WHERE f.petition_id = " + id);
        assertTrue(Files.exists(media.folder(portals.alpha()).resolve(stored)));
        Browser reader = portals.browser(TwoPortals.ALPHA_HOST);
        HttpResponse<String> wrong = reader.postForm("/phan-anh/rut", Map.of("code", code, "email", "nguoi-khac@example.vn", "erase", "on"));
        assertEquals(404, wrong.statusCode(), "another e-mail address cannot withdraw it");
        HttpResponse<String> done = reader.postForm("/phan-anh/rut", Map.of("code", code.toLowerCase(), "email", "RUT@example.vn", "erase", "on"));
        assertEquals(200, done.statusCode());
        assertTrue(text(done).contains("Đã rút phản ánh, kiến nghị và xoá dữ liệu cá nhân"));
        assertTrue(text(reader.get("/phan-anh/tra-cuu?ma=" + code)).contains("Đã rút"));
        assertEquals("", SqlProbe.string(this::jdbc, "SELECT sender_email || sender_phone || sender_address FROM t_alpha.petitions WHERE id = " + id));
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.petition_files WHERE petition_id = " + id));
        assertFalse(Files.exists(media.folder(portals.alpha()).resolve(stored)), "the file is gone from disk");
        assertEquals("Phản ánh sẽ rút", SqlProbe.string(this::jdbc, "SELECT title FROM t_alpha.petitions WHERE id = " + id), "the text stays");
    }

    @Test
    void personalDataAndFilesOfAPetitionClosedLongerThanTheRetentionPeriodAreErased() {
        String old = sendAndConfirm("cu@example.vn", "Phản ánh đã đóng từ lâu", Map.of("bien-nhan.pdf", SampleFiles.pdf()));
        String recent = sendAndConfirm("moi@example.vn", "Phản ánh mới đóng", Map.of());
        SqlProbe.run(this::jdbc,
                "UPDATE t_alpha.petitions SET status = 'closed', closed_at = now() - interval '25 months' WHERE tracking_code = '" + old + "'",
                "UPDATE t_alpha.petitions SET status = 'closed', closed_at = now() - interval '23 months' WHERE tracking_code = '" + recent + "'");
        String stored = SqlProbe.string(this::jdbc, "SELECT m.stored_path FROM t_alpha.petition_files f JOIN t_alpha.media_files m ON m.id = f.media_id"
                + " WHERE f.petition_id = " + idOf(old));
        assertTrue(petitionDesk.anonymiseExpired(portals.alpha()).block() >= 1);
        assertEquals("Người gửi (đã ẩn danh)|", SqlProbe.string(this::jdbc,
                "SELECT sender_name || '|' || sender_email FROM t_alpha.petitions WHERE tracking_code = '" + old + "'"));
        assertEquals("Phản ánh đã đóng từ lâu", SqlProbe.string(this::jdbc, "SELECT title FROM t_alpha.petitions WHERE tracking_code = '" + old + "'"));
        assertFalse(Files.exists(media.folder(portals.alpha()).resolve(stored)), "the file is gone");
        assertEquals("moi@example.vn", SqlProbe.string(this::jdbc, "SELECT sender_email FROM t_alpha.petitions WHERE tracking_code = '" + recent + "'"),
                "23 months is within the 24 the tenant keeps");
    }

    @Test
    void theEnglishFormSpeaksEnglishAndSendsAnEnglishConfirmation() {
        Browser reader = portals.browser(TwoPortals.ALPHA_HOST);
        Document form = Jsoup.parse(reader.get("/en/phan-anh/gui").body());
        assertEquals("Send feedback or a petition", form.selectFirst("h1").text());
        assertEquals("/en/phan-anh/gui", form.selectFirst("form.petition-form").attr("action"));
        Map<String, String> fields = petition("english@example.org", "Broken street light");
        fields.put("email", "not an address");
        HttpResponse<String> refused = send(TwoPortals.ALPHA_HOST, "/en/phan-anh/gui", fields, Map.of());
        assertEquals(400, refused.statusCode());
        assertTrue(Jsoup.parse(refused.body()).selectFirst("#loi-email").text().startsWith("Please enter a valid e-mail address"));
        sent(send(TwoPortals.ALPHA_HOST, "/en/phan-anh/gui", petition("english@example.org", "Broken street light"), Map.of()));
        assertTrue(confirmationLink(portals.alpha(), "english@example.org").startsWith("/en/phan-anh/xac-nhan/"));
        assertTrue(mailTo(portals.alpha(), "english@example.org").get(0).subject().startsWith("Please confirm your petition"));
    }

    @Test
    void aPetitionSentToOneTenantIsInvisibleFromAnother() {
        String code = sendAndConfirm("rieng@example.vn", "Phản ánh riêng của Alpha", Map.of());
        long id = idOf(code);
        Browser desk = portals.loggedIn(TwoPortals.ALPHA_HOST, DESK, DESK_PASSWORD);
        staffPost(desk, id, "chuyen", Map.of("unit", String.valueOf(planning)));
        staffPost(desk, id, "tra-loi", Map.of("answer", "Đã xử lý."));
        staffPost(desk, id, "ket-qua", Map.of("publish", "on", "sensitivity", "routine", "phone", "024 3943 1006"));
        long item = SqlProbe.number(this::jdbc, "SELECT answer_item_id FROM t_alpha.petitions WHERE id = " + id);
        Browser betaStaff = portals.editor(portals.beta());
        assertEquals(404, betaStaff.get("/quan-tri/quy-trinh/" + item).statusCode(), "the answer in alpha's workflow is not beta's");
        assertEquals(404, betaStaff.get("/quan-tri/tra-loi-duyet/" + item).statusCode());
        throughTheWorkflow(id);
        assertEquals(200, portals.browser(TwoPortals.ALPHA_HOST).get("/phan-anh/" + id).statusCode());

        Browser betaReader = portals.browser(TwoPortals.BETA_HOST);
        assertEquals(404, betaReader.get("/phan-anh/" + id).statusCode());
        assertEquals(404, betaReader.get("/phan-anh/tra-cuu?ma=" + code).statusCode(), "the tracking code means nothing on beta");
        assertEquals(404, betaReader.postForm("/phan-anh/rut", Map.of("code", code, "email", "rieng@example.vn")).statusCode());
        assertFalse(text(betaReader.get("/phan-anh")).contains("Phản ánh riêng của Alpha"));
        Browser betaEditor = portals.editor(portals.beta());
        assertFalse(text(betaEditor.get("/quan-tri/phan-anh")).contains("Phản ánh riêng của Alpha"));
        assertEquals(404, betaEditor.get("/quan-tri/phan-anh/" + id).statusCode());
        assertFalse(text(betaEditor.get("/quan-tri/quy-trinh/theo-doi")).contains("Phản ánh riêng của Alpha"), "nor on beta's deadline board");
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_beta.petitions"));
        assertTrue(Arrays.asList("published").contains(SqlProbe.string(this::jdbc, "SELECT status FROM t_alpha.petitions WHERE id = " + id)));
    }
}
