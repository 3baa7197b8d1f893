package vn.cong.tenancy.manifest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo manifests in the top-level tenants/ folder are what a newcomer runs first: they must be valid. */
class DemoManifestsTest {

    private static final Path TENANTS = Path.of("..", "tenants");

    @Test
    void everyDemoManifestIsValid() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(TENANTS)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 4, "a ministry and at least three members: " + files);
        // the four seed agencies are roots side by side: MOST on the configured base domain, the others on their own;
        // a root answers on www.<domain>, or on <domain> itself when its label is the domain's first label (skhcn.binhdinh)
        java.util.Set<String> rootDomains = new java.util.HashSet<>();
        for (Path file : files) {
            var result = ManifestReader.parse(Files.readString(file, StandardCharsets.UTF_8));
            assertEquals(List.of(), result.errors(), file.toString());
            var m = result.value();
            if (m.parent() == null) {
                String domain = m.domain() == null ? "(configured base)" : m.domain();
                assertTrue(rootDomains.add(domain), "one root per domain: " + domain);
                assertTrue(m.abbreviation().equals("www") || (m.domain() != null && m.domain().startsWith(m.abbreviation() + ".")),
                        file + ": a root's label is www or its domain's first label");
            }
        }
        assertEquals(4, rootDomains.size(), rootDomains.toString());
    }

    @Test
    void manifestWithSeveralProblemsListsEveryFieldError() {
        var result = ManifestReader.parse("""
                code: Bad-Code
                name: {vi: Tên}
                abbreviation: "có dấu"
                aliases: [not a host]
                sections:
                  - slug: Tin Tuc
                    name: {vi: Tin, en: News}
                admin: {username: a, email: not-an-email, password: short}
                articles:
                  - slug: bai-1
                    section: khong-co
                    language: fr
                    title: Bài 1
                """);
        List<String> fields = result.errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("code", "name.en", "abbreviation", "aliases[0]", "sections[0].slug", "admin.username",
                "admin.email", "admin.password", "articles[0].section", "articles[0].language"), fields);
    }

    @Test
    void textIsNormalisedToNfc() {
        String decomposed = "Bo\u0302\u0323 Khoa ho\u0323c"; // "Bộ Khoa học" written with combining marks
        var result = ManifestReader.parse("code: bo\nabbreviation: www\nname: {vi: \"" + decomposed + "\", en: Ministry}\n");
        assertTrue(result.isValid(), result.errors().toString());
        assertEquals("Bộ Khoa học", result.value().name().vi());
    }
}
