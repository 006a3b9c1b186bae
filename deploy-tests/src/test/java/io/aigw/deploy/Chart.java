package io.aigw.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Renders helm/ai-gateway offline with helm-java and parses the manifests with fabric8. */
final class Chart {

    static final String RELEASE = "aigw";
    static final String NAMESPACE = "ai";

    /**
     * helm-java 0.0.21's {@code template} prints only the release manifest, not its hooks (unlike {@code
     * helm template}). To check hook resources, {@link #renderWithHooks} renders a copy of the chart in
     * which the annotation key {@code helm.sh/hook*} is renamed to this prefix, which turns the hooks
     * into plain resources and keeps every value.
     */
    static final String VISIBLE_HOOK_PREFIX = "test.aigw.io/hook";

    private Chart() {}

    /** {@code helm template} with an optional values file and {@code --set} pairs. */
    static String template(Path chart, Optional<Path> valuesFile, Map<String, String> set) {
        TemplateCommand command = new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE);
        valuesFile.ifPresent(command::withValuesFile);
        set.forEach(command::set);
        return command.call();
    }

    static List<HasMetadata> render(Optional<Path> valuesFile, Map<String, String> set) {
        return parse(template(ProjectFiles.chart(), valuesFile, set));
    }

    static List<HasMetadata> render(Optional<Path> valuesFile) {
        return render(valuesFile, Map.of());
    }

    /** Like {@link #render} but hooks included, their annotations renamed to {@link #VISIBLE_HOOK_PREFIX}. */
    static List<HasMetadata> renderWithHooks(Optional<Path> valuesFile) {
        Path copy = copyWithVisibleHooks();
        try {
            return parse(template(copy, valuesFile, Map.of()));
        } finally {
            delete(copy);
        }
    }

    static List<HasMetadata> parse(String yaml) {
        Object parsed = Serialization.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        if (parsed instanceof List<?> list) {
            return list.stream().map(HasMetadata.class::cast).collect(Collectors.toList());
        }
        return List.of((HasMetadata) parsed);
    }

    static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> manifests, Class<T> type) {
        return manifests.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    private static Path copyWithVisibleHooks() {
        Path source = ProjectFiles.chart();
        try {
            Path target = Files.createTempDirectory("aigw-chart-");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path to = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else if (file.toString().endsWith(".yaml") && file.startsWith(source.resolve("templates"))) {
                        Files.writeString(to, Files.readString(file).replace("helm.sh/hook", VISIBLE_HOOK_PREFIX));
                    } else {
                        Files.copy(file, to);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
