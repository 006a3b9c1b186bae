package io.aigw.bench.overhead.adapter.out.asyncprofiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.bench.overhead.application.Profiler;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncProfilerTest {

    @Test
    void shouldReadCollapsedStacksTopFrameFirstOneStackPerSample() {
        Profiler.Samples samples = AsyncProfiler.read(List.of(
                "java/lang/Thread.run;io/netty/channel/epoll/Native.epollWait;epoll_pwait2;"
                        + "__x64_sys_epoll_pwait2_[k];finish_task_switch.isra.0_[k] 2",
                "Thread::call_run;C2Compiler::compile_method 1",
                ""));

        assertThat(samples.stacks()).hasSize(3);
        assertThat(samples.stacks().get(0))
                .containsExactly(
                        "finish_task_switch.isra.0_[k]",
                        "__x64_sys_epoll_pwait2_[k]",
                        "epoll_pwait2_[native]",
                        "io.netty.channel.epoll.Native.epollWait",
                        "java.lang.Thread.run");
        assertThat(samples.stacks().get(1)).isEqualTo(samples.stacks().get(0));
        assertThat(samples.stacks().get(2))
                .containsExactly("C2Compiler::compile_method_[native]", "Thread::call_run_[native]");
        assertThat(samples.gcPauses()).isEmpty();
    }
}
