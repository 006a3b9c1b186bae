package io.aigw.bench.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JcmdTest {

    @Test
    void shouldReadTheCompileTimeInTicksOfTheCounterFrequency() throws IOException {
        String counters = "java.ci.totalTime=774161597\nsun.ci.lastSize=334\nsun.os.hrt.frequency=1000000000\n";

        assertThat(Jcmd.compileTime(counters)).isEqualTo(Duration.ofNanos(774_161_597));
    }

    @Test
    void shouldScaleTicksWhenTheFrequencyIsNotNanoseconds() throws IOException {
        String counters = "sun.os.hrt.frequency=1000000\njava.ci.totalTime=2500000\n";

        assertThat(Jcmd.compileTime(counters)).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void shouldFailWhenTheCountersHaveNoCompileTime() {
        assertThatThrownBy(() -> Jcmd.compileTime("sun.os.hrt.frequency=1000000000\n"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("java.ci.totalTime");
    }
}
