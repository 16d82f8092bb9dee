/**
 * The docker backend: each node is a container of an image built here {@code FROM scratch} (a jlink
 * runtime, the host libraries it loads, busybox and the node jar; no registry), configured through the
 * official zookeeper image's {@code ZOO_*} variables. A proxy container carries every peer and client link,
 * so network faults work as on the local backend; kill, pause and clock faults use the engine and the
 * node's admin word. Everything a run creates carries labels naming its run and owner, so leftovers of a
 * harness that was killed outright are removed by the next run or {@code schism clean}.
 */
package dev.schism.harness.backend.docker;
