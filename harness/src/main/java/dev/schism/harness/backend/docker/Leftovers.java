package dev.schism.harness.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Removes containers (with their anonymous volumes) and networks that schism runs created and no living
 * harness owns: what a harness killed with SIGKILL left behind; also untagged earlier builds of the images. Each run calls it before it starts;
 * {@code schism clean} calls it on demand ({@code --all}: also those of running harnesses).
 */
public final class Leftovers {
    private Leftovers() {
    }

    /** What was removed, e.g. {@code ["container schism-n1-ab12cd34", "network ab12..."]}. */
    public static List<String> remove(DockerClient docker, boolean all) {
        List<String> removed = new ArrayList<>();
        for (Container c : docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(Labels.RUN)).exec()) {
            if (orphan(c.getLabels(), all)) {
                try {
                    docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
                    removed.add("container " + name(c));
                } catch (RuntimeException e) {
                    // gone meanwhile, or being removed by its own harness's shutdown hook
                }
            }
        }
        for (Network n : docker.listNetworksCmd().withFilter("label", List.of(Labels.RUN)).exec()) {
            if (orphan(n.getLabels(), all)) {
                try {
                    docker.removeNetworkCmd(n.getId()).exec();
                    removed.add("network " + n.getName());
                } catch (RuntimeException e) {
                    // still in use by a container being removed, or gone meanwhile
                }
            }
        }
        for (Image i : docker.listImagesCmd().withDanglingFilter(true).withLabelFilter(ScratchImage.HASH_LABEL).exec()) {
            try {
                docker.removeImageCmd(i.getId()).exec(); // an earlier build of schism/node or schism/toxiproxy, now untagged
                removed.add("image " + i.getId().replaceFirst("^sha256:", "").substring(0, 12));
            } catch (RuntimeException e) {
                // still used by a container
            }
        }
        return removed;
    }

    private static boolean orphan(Map<String, String> labels, boolean all) {
        String owner = labels == null ? null : labels.get(Labels.OWNER);
        return all || (Labels.fromThisHost(owner) && !Labels.ownerAlive(owner));
    }

    private static String name(Container c) {
        String[] names = c.getNames();
        return names != null && names.length > 0 ? names[0].replaceFirst("^/", "") : c.getId().substring(0, 12);
    }
}
