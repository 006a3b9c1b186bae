package io.aigw.api.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class EventLoopsTest {

    @Test
    void setsOneLoopPerCoreWhenNothingIsConfigured() {
        Properties properties = new Properties();

        EventLoops.sizeToCores(properties, 2);

        assertThat(properties.getProperty(EventLoops.IO_WORKER_COUNT)).isEqualTo("2");
    }

    @Test
    void keepsTheOperatorsValue() {
        Properties properties = new Properties();
        properties.setProperty(EventLoops.IO_WORKER_COUNT, "6");

        EventLoops.sizeToCores(properties, 2);

        assertThat(properties.getProperty(EventLoops.IO_WORKER_COUNT)).isEqualTo("6");
    }

    @Test
    void replacesABlankValue() {
        Properties properties = new Properties();
        properties.setProperty(EventLoops.IO_WORKER_COUNT, " ");

        EventLoops.sizeToCores(properties, 1);

        assertThat(properties.getProperty(EventLoops.IO_WORKER_COUNT)).isEqualTo("1");
    }

    @Test
    void neverAsksForZeroLoops() {
        Properties properties = new Properties();

        EventLoops.sizeToCores(properties, 0);

        assertThat(properties.getProperty(EventLoops.IO_WORKER_COUNT)).isEqualTo("1");
    }
}
