package vn.cong.themes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads a theme's files from the classpath ({@code themes/<name>/…}), where the build copies the
 * top-level {@code themes/} folder: a plain folder when run from the IDE or tests, entries of the
 * application jar in production. Listing works for both.
 */
final class ThemeFiles {

    private final ClassLoader loader;

    ThemeFiles(ClassLoader loader) {
        this.loader = loader;
    }

    boolean exists(String resource) {
        return loader.getResource(resource) != null;
    }

    byte[] read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The names of the themes on the classpath: the folders below {@code themes/} that hold a
     * {@code theme.yaml}. Found from the default theme's folder, which is always there.
     */
    Set<String> themeNames() {
        URL anchor = loader.getResource("themes/" + Themes.DEFAULT + "/theme.yaml");
        Set<String> names = new TreeSet<>();
        if (anchor == null) {
            return names;
        }
        try {
            if ("jar".equals(anchor.getProtocol())) {
                var connection = (JarURLConnection) anchor.openConnection();
                connection.setUseCaches(false);
                try (var jar = connection.getJarFile()) {
                    var entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String entry = entries.nextElement().getName();
                        String[] parts = entry.split("/");
                        if (parts.length == 3 && parts[0].equals("themes") && parts[2].equals("theme.yaml")) {
                            names.add(parts[1]);
                        }
                    }
                }
            } else {
                Path root = Path.of(anchor.toURI()).getParent().getParent();
                try (Stream<Path> dirs = Files.list(root)) {
                    dirs.filter(d -> Files.isRegularFile(d.resolve("theme.yaml")))
                            .forEach(d -> names.add(d.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    /**
     * Every file below {@code themes/<theme>/<folder>/}, keyed by its path relative to that folder, in
     * a stable order. Found through {@code theme.yaml}, which every theme has: a jar need not hold
     * entries for folders.
     */
    Map<String, byte[]> list(String theme, String folder) {
        URL anchor = loader.getResource("themes/" + theme + "/theme.yaml");
        Map<String, byte[]> files = new TreeMap<>();
        if (anchor == null) {
            return files;
        }
        try {
            if ("jar".equals(anchor.getProtocol())) {
                String prefix = "themes/" + theme + "/" + folder + "/";
                var connection = (JarURLConnection) anchor.openConnection();
                connection.setUseCaches(false);
                try (var jar = connection.getJarFile()) {
                    var entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        var entry = entries.nextElement();
                        if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                files.put(entry.getName().substring(prefix.length()), in.readAllBytes());
                            }
                        }
                    }
                }
            } else {
                Path root = Path.of(anchor.toURI()).getParent().resolve(folder);
                if (Files.isDirectory(root)) {
                    try (Stream<Path> walk = Files.walk(root)) {
                        for (Path p : walk.filter(Files::isRegularFile).toList()) {
                            files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }
}
