package dev.schism.harness.backend.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes a container's exposed ports on 127.0.0.1 only (Docker would otherwise listen on every
 * interface of the host), each on a port the engine picks.
 */
final class LoopbackPorts {
    private LoopbackPorts() {
    }

    static void bind(CreateContainerCmd cmd) {
        List<PortBinding> bindings = new ArrayList<>();
        ExposedPort[] exposed = cmd.getExposedPorts();
        if (exposed != null) {
            for (ExposedPort p : exposed) {
                bindings.add(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), p));
            }
        }
        cmd.getHostConfig().withPublishAllPorts(false).withPortBindings(bindings);
    }
}
