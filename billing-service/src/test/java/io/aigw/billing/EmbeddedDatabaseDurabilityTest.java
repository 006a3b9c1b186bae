package io.aigw.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The embedded H2 database as configured by default keeps every committed row when the process is
 * killed without warning: the usage consumer acknowledges a stream entry right after the commit, so a
 * commit that only reaches the file later would be a ledger row lost for good.
 */
class EmbeddedDatabaseDurabilityTest {

    private static final int ROWS = 200;
    private static final String PREFIX = "${AIGW_POSTGRES_URL:";
    private static final String DATA_DIR = "${AIGW_DATA_DIR:./.run/data}";

    @Test
    void shouldKeepEveryCommittedRowWhenTheProcessIsKilled(@TempDir Path dir) throws Exception {
        String url = defaultUrl(dir);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process writer = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), KilledWriter.class.getName(), url)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("writer.log").toFile())
                .start();

        assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue())
                .as("the writer halts itself after its commits: %s", Files.readString(dir.resolve("writer.log")))
                .isEqualTo(KilledWriter.HALTED);
        try (Connection connection = DriverManager.getConnection(url);
                ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM rows_written")) {
            count.next();
            assertThat(count.getInt(1)).isEqualTo(ROWS);
        }
    }

    /** application.yml's datasource URL without AIGW_POSTGRES_URL, with the data directory in dir. */
    private static String defaultUrl(Path dir) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        String configured = properties.getProperty("spring.datasource.url");
        assertThat(configured).startsWith(PREFIX + "jdbc:h2:file:" + DATA_DIR).endsWith("}");
        return configured
                .substring(PREFIX.length(), configured.length() - 1)
                .replace(DATA_DIR, dir.toAbsolutePath().toString());
    }

    /** Commits rows one by one (auto-commit), then dies like a SIGKILL: no shutdown hooks, no close. */
    static final class KilledWriter {

        static final int HALTED = 9;

        public static void main(String[] args) throws Exception {
            Connection connection = DriverManager.getConnection(args[0]);
            connection.createStatement().execute("CREATE TABLE rows_written (id INT PRIMARY KEY)");
            PreparedStatement insert = connection.prepareStatement("INSERT INTO rows_written VALUES (?)");
            for (int i = 0; i < ROWS; i++) {
                insert.setInt(1, i);
                insert.executeUpdate();
            }
            Runtime.getRuntime().halt(HALTED);
        }
    }
}
