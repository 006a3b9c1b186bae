package io.aigw.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClasspathTextTest {

    @Test
    void shouldReadAShippedFileWhole() {
        String script = ClasspathText.read(ClasspathText.class, "io/aigw/api/budget/budget-release.lua");

        assertThat(script).contains("redis.call").endsWith("\n");
    }

    @Test
    void shouldNameTheFileWhenTheModuleDoesNotShipIt() {
        assertThatThrownBy(() -> ClasspathText.read(ClasspathText.class, "redis/missing.lua"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("redis/missing.lua");
    }
}
