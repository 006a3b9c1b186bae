package io.aigw.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresInfrastructureIT {

    private static PostgresEndpoint db;

    @BeforeAll
    static void freshSchema() throws SQLException {
        db = TestInfrastructure.postgres().freshSchema("testsupport_postgres_it");
    }

    @Test
    void shouldWorkInOwnSchemaAndStillResolveVectorWhenFreshSchemaRequested() throws SQLException {
        try (Connection connection = db.connect()) {
            assertThat(single(connection, "SELECT current_schema()")).isEqualTo("testsupport_postgres_it");
            // the extension lives in public, which the returned URL keeps on the search path
            assertThat(single(connection, "SELECT '[3,4,0]'::vector <-> '[0,0,0]'"))
                    .isEqualTo("5");
        }
    }

    @Test
    void shouldReturnNearestRowsFirstWhenOrderedByCosineDistance() throws SQLException {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            // given
            statement.execute("CREATE EXTENSION IF NOT EXISTS vector");
            statement.execute("CREATE TABLE items (id int PRIMARY KEY, label text, embedding vector(3))");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO items VALUES (?, ?, ?::vector)")) {
                insertItem(insert, 1, "x-axis", "[1,0,0]");
                insertItem(insert, 2, "y-axis", "[0,1,0]");
                insertItem(insert, 3, "mostly-z", "[0.1,0.1,0.9]");
                insertItem(insert, 4, "diagonal-xy", "[0.7,0.7,0]");
            }

            // when
            List<String> byDistance = labels(
                    statement.executeQuery("SELECT label FROM items ORDER BY embedding <=> '[0.9,0.2,0]' LIMIT 3"));

            // then
            assertThat(byDistance).containsExactly("x-axis", "diagonal-xy", "y-axis");
        }
    }

    @Test
    void shouldPlanHnswIndexWhenCreatedWithCosineOps() throws SQLException {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            // given
            statement.execute("CREATE TABLE docs (id int PRIMARY KEY, embedding vector(3))");
            statement.execute("INSERT INTO docs SELECT i, ARRAY[i, i % 7, 100 - i]::real[]::vector"
                    + " FROM generate_series(1, 200) AS i");

            // when
            statement.execute("CREATE INDEX docs_embedding_hnsw ON docs USING hnsw (embedding vector_cosine_ops)");

            // then the index exists with the access method and operator class asked for
            assertThat(single(connection, "SELECT indexdef FROM pg_indexes WHERE indexname = 'docs_embedding_hnsw'"))
                    .contains("USING hnsw")
                    .contains("vector_cosine_ops");
            // and the planner uses it for a cosine-distance search once sequential scans are ruled out
            statement.execute("SET enable_seqscan = off");
            String plan = String.join(
                    "\n",
                    labels(statement.executeQuery(
                            "EXPLAIN SELECT id FROM docs ORDER BY embedding <=> '[1,0,99]' LIMIT 1")));
            assertThat(plan).contains("docs_embedding_hnsw");
            assertThat(single(connection, "SELECT id FROM docs ORDER BY embedding <=> '[1,1,99]' LIMIT 1"))
                    .isEqualTo("1");
        }
    }

    @Test
    void shouldIsolateTablesWhenSchemasDiffer() throws SQLException {
        PostgresEndpoint other = TestInfrastructure.postgres().freshSchema("testsupport_postgres_it_other");
        try (Connection mine = db.connect();
                Connection theirs = other.connect();
                Statement statement = theirs.createStatement()) {
            statement.execute("CREATE TABLE only_theirs (id int)");

            assertThat(single(
                            mine,
                            "SELECT count(*) FROM pg_tables"
                                    + " WHERE schemaname = current_schema() AND tablename = 'only_theirs'"))
                    .isEqualTo("0");
        }
        // and asking again starts that schema from scratch
        try (Connection again = TestInfrastructure.postgres()
                .freshSchema("testsupport_postgres_it_other")
                .connect()) {
            assertThat(single(again, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"))
                    .isEqualTo("0");
        }
    }

    private static void insertItem(PreparedStatement insert, int id, String label, String vector) throws SQLException {
        insert.setInt(1, id);
        insert.setString(2, label);
        insert.setString(3, vector);
        insert.executeUpdate();
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            assertThat(rows.next()).as("a row from: %s", query).isTrue();
            return rows.getString(1);
        }
    }

    private static List<String> labels(ResultSet rows) throws SQLException {
        try (rows) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
