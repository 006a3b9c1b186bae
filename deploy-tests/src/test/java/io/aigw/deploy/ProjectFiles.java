package io.aigw.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the deployment files live: the project root Maven passes in, else the parent folder. */
final class ProjectFiles {

    private ProjectFiles() {}

    static Path root() {
        Path root = Path.of(System.getProperty("aigw.deploy.projectRoot", ".."))
                .toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(root.resolve("docker-compose.yml"))) {
            throw new IllegalStateException("no docker-compose.yml below " + root
                    + ": run the tests from the project (./mvnw -pl deploy-tests verify)");
        }
        return root;
    }

    static Path chart() {
        return root().resolve("helm/ai-gateway");
    }

    static Path dashboards() {
        return chart().resolve("files/dashboards");
    }

    static Path alerts() {
        return chart().resolve("files/alerts/aigw-alerts.yaml");
    }
}
