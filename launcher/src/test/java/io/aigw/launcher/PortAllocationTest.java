package io.aigw.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortAllocationTest {

    private static final Path ROOT = Path.of("/tmp/aigw-root");

    @Test
    void shouldPickDistinctFreePortsForEveryService() {
        StackSpec spec = StackSpec.builder(ROOT).randomFreePorts().build();

        Map<Service, Integer> ports = LocalStack.resolvePorts(spec);

        assertThat(ports).containsOnlyKeys(Service.values());
        assertThat(new HashSet<>(ports.values())).hasSize(Service.values().length);
        assertThat(ports.values())
                .allSatisfy(port -> assertThat(port).isPositive().isNotEqualTo(6379));
    }

    @Test
    void shouldKeepFixedPortsAndAvoidThemForRandomOnes() throws IOException {
        int fixed = FreePorts.pick(List.of());
        StackSpec spec = StackSpec.builder(ROOT)
                .services(Service.GATEWAY, Service.ROUTING)
                .port(Service.GATEWAY, fixed)
                .port(Service.ROUTING, StackSpec.RANDOM_PORT)
                .build();

        Map<Service, Integer> ports = LocalStack.resolvePorts(spec);

        assertThat(ports).containsEntry(Service.GATEWAY, fixed).containsOnlyKeys(Service.GATEWAY, Service.ROUTING);
        assertThat(ports.get(Service.ROUTING)).isNotEqualTo(fixed);
    }

    @Test
    void shouldFailFastNamingAFixedPortThatIsTaken() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            StackSpec spec = StackSpec.builder(ROOT)
                    .services(Service.GATEWAY)
                    .port(Service.GATEWAY, port)
                    .build();

            assertThat(FreePorts.isFree(port)).isFalse();
            assertThatThrownBy(() -> LocalStack.resolvePorts(spec))
                    .isInstanceOf(StackStartException.class)
                    .hasMessageContaining("port " + port + " (gateway-service) is already in use")
                    .hasMessageContaining("./aigw stop");
        }
    }

    @Test
    void shouldSeeAClosedPortAsFree() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        assertThat(FreePorts.isFree(port)).isTrue();
    }
}
