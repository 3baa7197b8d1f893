package vn.cong.onboarding;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.manifest.ManifestReader;
import vn.cong.tenancy.manifest.ManifestResult;
import vn.cong.tenancy.manifest.TenantManifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Applies every manifest in a folder (or a single file), parents before members. An invalid manifest
 * is reported with all its field errors and skipped; the others still apply.
 */
@Singleton
public class ManifestDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(ManifestDirectory.class);

    private final Onboarding onboarding;

    public ManifestDirectory(Onboarding onboarding) {
        this.onboarding = onboarding;
    }

    public Flux<OnboardingReport> apply(Path path) {
        return apply(path, null);
    }

    /** The same, new tenants going to the database cluster {@code cluster} (null: the configured default). */
    public Flux<OnboardingReport> apply(Path path, @io.micronaut.core.annotation.Nullable String cluster) {
        List<Path> files = manifestFiles(path);
        List<TenantManifest> manifests = new ArrayList<>();
        List<OnboardingReport> invalid = new ArrayList<>();
        for (Path file : files) {
            var result = ManifestReader.parse(read(file));
            if (result.isValid()) {
                manifests.add(result.value());
            } else {
                LOG.error("Manifest {} is invalid: {}", file, result.errors());
                invalid.add(OnboardingReport.invalid(file.getFileName().toString(), result.errors()));
            }
        }
        // parents first: the ministry, then its members
        manifests.sort((a, b) -> Boolean.compare(a.parent() != null, b.parent() != null));
        return Flux.fromIterable(invalid)
                .concatWith(Flux.fromIterable(manifests).concatMap(m -> onboarding.onboard(ManifestResult.ok(m), cluster)
                        .doOnNext(r -> LOG.info("Manifest {}: created={} updated={} sections={} articles={} admin={} in {} ms{}",
                                r.code(), r.created(), r.updated(), r.sectionsChanged(), r.articlesAdded(), r.adminCreated(),
                                r.millis(), r.isValid() ? "" : " errors=" + r.errors()))));
    }

    private static List<Path> manifestFiles(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (Stream<Path> list = Files.list(path)) {
            return list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read tenant manifests in " + path, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
