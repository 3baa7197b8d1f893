package vn.cong.ops;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kustomize manifests under {@code platform/deploy/kubernetes/} against what the application really reads and
 * serves: every environment variable they set is a placeholder of {@code application.yml}, the ports and names line
 * up from Ingress to container, and the probe paths answer 200 on a running platform for a Host that is no portal
 * (the kubelet probes by pod address). Debian's kubectl is too old to render them, so they are read with SnakeYAML.
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class KubernetesManifestsTest extends PlatformTestSupport {

    private static final Path DIR = Path.of("deploy/kubernetes");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    /** Read by the JVM itself, not by application.yml. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|HASH|REDIS_URI|WEBHOOK).*");

    @Inject
    EmbeddedServer server;

    private final Map<String, Map<String, Object>> byKind = new HashMap<>();
    private Map<String, String> config;
    private Map<String, String> secrets;

    @BeforeAll
    void readManifests() throws IOException {
        Map<String, Object> kustomization = load(DIR.resolve("kustomization.yaml")).get(0);
        for (Object file : list(kustomization, "resources")) {
            for (Map<String, Object> doc : load(DIR.resolve((String) file))) {
                assertNull(byKind.put((String) doc.get("kind"), doc), "one " + doc.get("kind"));
            }
        }
        config = strings(map(byKind.get("ConfigMap"), "data"));
        Map<String, Object> generator = (Map<String, Object>) list(kustomization, "secretGenerator").get(0);
        assertEquals("cong-secrets", generator.get("name"));
        assertEquals(List.of("secrets.env"), generator.get("envs"));
        secrets = envFile(DIR.resolve("secrets.env.example"));
    }

    @Test
    void everyManifestKindIsThere() {
        assertEquals(Set.of("Namespace", "ConfigMap", "PersistentVolumeClaim", "Deployment", "Service", "PodDisruptionBudget",
                "HorizontalPodAutoscaler", "Certificate", "Ingress"), byKind.keySet());
    }

    @Test
    void everyEnvironmentVariableIsOneTheApplicationReads() throws IOException {
        Set<String> read = new HashSet<>(JVM_VARIABLES);
        var m = PLACEHOLDER.matcher(Files.readString(Path.of("src/main/resources/application.yml")));
        while (m.find()) {
            read.add(m.group(1));
        }
        Set<String> set = new HashSet<>(config.keySet());
        set.addAll(secrets.keySet());
        container().get("env").forEach(e -> set.add((String) ((Map<String, Object>) e).get("name")));
        Set<String> unknown = set.stream().filter(n -> !read.contains(n)).collect(Collectors.toSet());
        assertTrue(unknown.isEmpty(), "set but never read: " + unknown);
        for (String needed : List.of("DB_HOST", "DB_NAME", "DB_USER", "DB_PASSWORD", "REDIS_URI", "BASE_DOMAIN",
                "OPERATOR_USERNAME", "OPERATOR_PASSWORD_HASH", "OPERATOR_TOTP_SECRET", "MEDIA_ROOT", "BACKUP_ROOT")) {
            assertTrue(set.contains(needed), needed + " is set");
        }
        // credentials only through the Secret
        assertFalse(config.keySet().stream().anyMatch(n -> SECRET_NAME.matcher(n).matches()), "secrets in the ConfigMap: " + config.keySet());
        assertTrue(secrets.keySet().stream().filter(n -> SECRET_NAME.matcher(n).matches()).count() >= 5);
        Map<String, Object> deployment = byKind.get("Deployment");
        List<String> sources = container().get("envFrom").stream().map(s -> {
            var source = (Map<String, Object>) s;
            var ref = (Map<String, Object>) (source.containsKey("configMapRef") ? source.get("configMapRef") : source.get("secretRef"));
            return (String) ref.get("name");
        }).toList();
        assertEquals(List.of(map(byKind.get("ConfigMap"), "metadata").get("name"), "cong-secrets"), sources);
        assertNotNull(deployment);
    }

    @Test
    void portsLineUpFromIngressToContainer() {
        Map<String, Object> container = containerSpec();
        Map<String, Object> port = (Map<String, Object>) ((List<?>) container.get("ports")).get(0);
        assertEquals("http", port.get("name"));
        assertEquals(String.valueOf(port.get("containerPort")), env().get("PORT"), "the server listens where the container port is");
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertEquals("http", map(map(container, probe), "httpGet").get("port"), probe);
        }
        Map<String, Object> service = byKind.get("Service");
        Map<String, Object> servicePort = (Map<String, Object>) list(map(service, "spec"), "ports").get(0);
        assertEquals("http", servicePort.get("targetPort"));
        assertEquals(podLabels(), map(service, "spec").get("selector"));
        for (Object rule : list(map(byKind.get("Ingress"), "spec"), "rules")) {
            for (Object path : list(map((Map<String, Object>) rule, "http"), "paths")) {
                Map<String, Object> backend = map(map((Map<String, Object>) path, "backend"), "service");
                assertEquals(map(service, "metadata").get("name"), backend.get("name"));
                assertEquals(servicePort.get("name"), map(backend, "port").get("name"));
            }
        }
    }

    @Test
    void probesAnswerOnTheRunningPlatformForAPodAddress() {
        Map<String, Object> container = containerSpec();
        assertEquals("/health", map(map(container, "readinessProbe"), "httpGet").get("path"));
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            String path = (String) map(map(container, probe), "httpGet").get("path");
            var response = new Browser(server.getPort(), "10.244.1.7:8080").get(path);
            assertEquals(200, response.statusCode(), probe + " " + path);
            assertTrue(response.body().contains("\"UP\""), probe + ": " + response.body());
        }
    }

    @Test
    void scalingDisruptionAndShutdownFitTogether() {
        Map<String, Object> deployment = byKind.get("Deployment");
        Map<String, Object> spec = map(deployment, "spec");
        assertEquals(podLabels(), map(map(spec, "selector"), "matchLabels"));
        assertEquals(podLabels(), map(map(byKind.get("PodDisruptionBudget"), "spec"), "selector").get("matchLabels"));
        Map<String, Object> hpa = map(byKind.get("HorizontalPodAutoscaler"), "spec");
        assertEquals(map(deployment, "metadata").get("name"), map(hpa, "scaleTargetRef").get("name"));
        assertTrue((Integer) hpa.get("minReplicas") >= 2, "a drain never leaves no pod");
        assertEquals(1, map(byKind.get("PodDisruptionBudget"), "spec").get("maxUnavailable"));
        Map<String, Object> resources = map(containerSpec(), "resources");
        assertNotNull(map(resources, "requests").get("cpu"), "the autoscaler's CPU utilisation needs a request");
        assertNotNull(map(resources, "limits").get("memory"));
        // Kubernetes kills the pod after terminationGracePeriodSeconds: the platform's drain must end before
        Duration drain = Duration.parse("PT" + config.get("SHUTDOWN_GRACE_PERIOD").toUpperCase());
        int grace = (Integer) map(map(spec, "template"), "spec").get("terminationGracePeriodSeconds");
        assertTrue(drain.getSeconds() < grace, drain + " < " + grace + " s");
    }

    @Test
    void uploadsAndBackupsLiveOnTheSharedVolume() {
        Map<String, Object> pod = map(map(map(byKind.get("Deployment"), "spec"), "template"), "spec");
        Map<String, Object> pvc = byKind.get("PersistentVolumeClaim");
        assertEquals(List.of("ReadWriteMany"), map(pvc, "spec").get("accessModes"), "every pod reads and writes the same files");
        String claim = (String) map(pvc, "metadata").get("name");
        String volume = list(pod, "volumes").stream().map(v -> (Map<String, Object>) v)
                .filter(v -> v.containsKey("persistentVolumeClaim") && claim.equals(map(v, "persistentVolumeClaim").get("claimName")))
                .map(v -> (String) v.get("name")).findFirst().orElseThrow();
        String mount = container().get("volumeMounts").stream().map(v -> (Map<String, Object>) v)
                .filter(v -> volume.equals(v.get("name"))).map(v -> (String) v.get("mountPath")).findFirst().orElseThrow();
        assertTrue(config.get("MEDIA_ROOT").startsWith(mount + "/"), config.get("MEDIA_ROOT"));
        assertTrue(config.get("BACKUP_ROOT").startsWith(mount + "/"), config.get("BACKUP_ROOT"));
    }

    @Test
    void wildcardIngressOfTheRootDomainHasTheCertificatesSecret() {
        String base = config.get("BASE_DOMAIN");
        Map<String, Object> ingress = map(byKind.get("Ingress"), "spec");
        Set<String> hosts = list(ingress, "rules").stream().map(r -> (String) ((Map<String, Object>) r).get("host")).collect(Collectors.toSet());
        assertEquals(Set.of(base, "*." + base), hosts);
        Map<String, Object> tls = (Map<String, Object>) list(ingress, "tls").get(0);
        Map<String, Object> certificate = map(byKind.get("Certificate"), "spec");
        assertEquals(certificate.get("secretName"), tls.get("secretName"));
        assertEquals(Set.copyOf((List<?>) certificate.get("dnsNames")), Set.copyOf((List<?>) tls.get("hosts")));
        assertEquals(hosts, Set.copyOf((List<?>) tls.get("hosts")));
    }

    // --- reading

    private Map<String, Object> containerSpec() {
        Map<String, Object> pod = map(map(map(byKind.get("Deployment"), "spec"), "template"), "spec");
        List<Object> containers = list(pod, "containers");
        assertEquals(1, containers.size());
        return (Map<String, Object>) containers.get(0);
    }

    private Map<String, List<Object>> container() {
        Map<String, List<Object>> lists = new HashMap<>();
        containerSpec().forEach((k, v) -> {
            if (v instanceof List<?> l) {
                lists.put(k, new ArrayList<>(l));
            }
        });
        return lists;
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        container().get("env").forEach(e -> {
            var m = (Map<String, Object>) e;
            env.put((String) m.get("name"), String.valueOf(m.get("value")));
        });
        return env;
    }

    private Map<String, Object> podLabels() {
        return map(map(map(map(byKind.get("Deployment"), "spec"), "template"), "metadata"), "labels");
    }

    private static List<Map<String, Object>> load(Path file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(Files.readString(file))) {
            if (doc != null) {
                docs.add((Map<String, Object>) doc);
            }
        }
        return docs;
    }

    private static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> vars = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int eq = line.indexOf('=');
                vars.put(line.substring(0, eq).trim(), line.substring(eq + 1));
            }
        }
        return vars;
    }

    private static Map<String, String> strings(Map<String, Object> map) {
        Map<String, String> out = new HashMap<>();
        map.forEach((k, v) -> {
            assertTrue(v instanceof String, k + " must be a string in a ConfigMap (quote numbers)");
            out.put(k, (String) v);
        });
        return out;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof Map, key + " is a map in " + parent.keySet());
        return (Map<String, Object>) value;
    }

    private static List<Object> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof List, key + " is a list in " + parent.keySet());
        return (List<Object>) value;
    }

    private static void assertNull(Object value, String message) {
        org.junit.jupiter.api.Assertions.assertNull(value, message);
    }
}
