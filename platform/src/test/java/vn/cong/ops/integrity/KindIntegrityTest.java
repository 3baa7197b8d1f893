package vn.cong.ops.integrity;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.attachments.Attachments;
import vn.cong.content.documents.DocumentFields;
import vn.cong.content.documents.DocumentStatus;
import vn.cong.content.documents.LegalDocuments;
import vn.cong.ops.integrity.IntegrityCheck.Trigger;
import vn.cong.ops.integrity.IntegrityFinding.Kind;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SampleFiles;
import vn.cong.testing.TwoPortals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The integrity check covers a document's own fields and attachments, and changes made through the platform stay clean. */
@MicronautTest(transactional = false)
class KindIntegrityTest extends PlatformTestSupport {

    @Inject
    ApplicationContext context;
    @Inject
    TenantRegistry registry;
    @Inject
    LegalDocuments documents;
    @Inject
    Publishing publishing;
    @Inject
    Attachments attachments;
    @Inject
    IntegrityCheck check;

    @Override
    protected Map<String, String> extraProperties() {
        try {
            return Map.of("cong.media.root", Files.createTempDirectory("cong-kind-integrity").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void setUp() {
        TwoPortals.onboard(context);
    }

    private Tenant tenant(String code) {
        return registry.findByCode(code).orElseThrow();
    }

    private long publishedDocument(String tenant, String slug) {
        long id = documents.save(tenant(tenant), new Draft(null, 0, LegalDocuments.KIND, null, "vi", slug, "Quyết định " + slug, "",
                        "<p>Toàn văn</p>", null, null, null, false, null),
                new DocumentFields("01/QĐ-" + slug, "quyet-dinh", "Bộ Khoa học và Công nghệ", "", LocalDate.of(2026, 1, 5), null, null,
                        DocumentStatus.VALID, null), Map.of()).block().id();
        publishing.publish(tenant(tenant), id, null).block();
        return id;
    }

    @Test
    void attachingAFileToAPublishedDocumentKeepsTheCheckClean() {
        long id = publishedDocument("beta", "co-tep-sau");
        attachments.attach(tenant("beta"), id, "Quyết định.pdf", SampleFiles.pdf(), "Toàn văn", null).block();
        long attachment = attachments.list(tenant("beta"), id).block().get(0).id();
        attachments.caption(tenant("beta"), id, attachment, "Bản ký số", null).block();
        IntegrityRun run = check.run(Trigger.OPERATOR, "beta", "kiem-thu").block();
        assertEquals("clean", run.status(), () -> run.findings().toString());
    }

    @Test
    void aDocumentsNumberChangedByDirectSqlIsReported() throws Exception {
        long id = publishedDocument("alpha", "bi-sua-so");
        try (var c = jdbc(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE t_alpha.legal_documents SET number = '99/QĐ-GIA' WHERE item_id = " + id);
        }
        IntegrityRun run = check.run(Trigger.OPERATOR, "alpha", "kiem-thu").block();
        List<IntegrityFinding> changed = run.findings().stream().filter(f -> f.kind() == Kind.CONTENT_CHANGED).toList();
        assertEquals(1, changed.size(), run.findings().toString());
        assertTrue(changed.get(0).summary().contains("details"), changed.get(0).summary());
    }
}
