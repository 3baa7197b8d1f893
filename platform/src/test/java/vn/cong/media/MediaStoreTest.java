package vn.cong.media;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class MediaStoreTest extends PlatformTestSupport {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n".getBytes();

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;
    @Inject
    TenantRegistry registry;
    @Inject
    MediaStore store;

    private final Path root = tempDir();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.media.root", root.toString(), "cong.media.max-bytes", "1024");
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
    }

    private Tenant tenant(String code) {
        return registry.findByCode(code).orElseThrow();
    }

    @Test
    void storedImageIsServedOnItsTenantHostOnly() {
        MediaFile file = store.store(tenant("alpha"), "ảnh bìa.png", PNG, Set.of(MediaType.PNG, MediaType.JPEG), null).block();
        assertTrue(file.url().startsWith("/media/"));
        assertEquals("ảnh bìa.png", file.originalName());

        var own = new Browser(server.getPort(), "alpha.most.localhost").getBytes(file.url(), Map.of());
        assertEquals(200, own.statusCode());
        assertEquals("image/png", own.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(PNG, own.body());

        var other = new Browser(server.getPort(), "beta.most.localhost").getBytes(file.url(), Map.of());
        assertEquals(404, other.statusCode(), "beta must not serve alpha's upload");
    }

    @Test
    void fileLandsInTheTenantsOwnFolder() {
        MediaFile file = store.store(tenant("beta"), "logo.png", PNG, Set.of(MediaType.PNG), null).block();
        assertTrue(Files.exists(root.resolve("beta").resolve(file.url().substring("/media/".length()))));
    }

    @Test
    void contentThatIsNotWhatItsNameSaysIsRefused() {
        UploadRefused refused = assertThrows(UploadRefused.class,
                () -> store.store(tenant("alpha"), "anh.png", PDF, Set.of(MediaType.PNG, MediaType.PDF), null).block());
        assertTrue(refused.getMessage().contains("không khớp"), refused.getMessage());
    }

    @Test
    void kindNotAllowedHereIsRefused() {
        UploadRefused refused = assertThrows(UploadRefused.class,
                () -> store.store(tenant("alpha"), "van-ban.pdf", PDF, Set.of(MediaType.PNG), null).block());
        assertTrue(refused.getMessage().contains("không được phép"), refused.getMessage());
    }

    @Test
    void unknownBytesAreRefused() {
        assertThrows(UploadRefused.class,
                () -> store.store(tenant("alpha"), "script.png", "<script>alert(1)</script>".getBytes(), Set.of(MediaType.PNG), null).block());
    }

    @Test
    void oversizedFileIsRefused() {
        byte[] big = Arrays.copyOf(PNG, 2048);
        UploadRefused refused = assertThrows(UploadRefused.class,
                () -> store.store(tenant("alpha"), "to.png", big, Set.of(MediaType.PNG), null).block());
        assertTrue(refused.getMessage().contains("quá lớn"), refused.getMessage());
    }

    @Test
    void pathTricksFindNothing() {
        var browser = new Browser(server.getPort(), "alpha.most.localhost");
        assertEquals(404, browser.getBytes("/media/2026/..%2F..%2Fetc%2Fpasswd", Map.of()).statusCode());
        assertEquals("tep", MediaStore.displayName("../../"));
        assertEquals("passwd", MediaStore.displayName("..\\..\\etc\\passwd"));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("cong-media-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
