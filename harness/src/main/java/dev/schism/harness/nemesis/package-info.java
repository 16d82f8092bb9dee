/**
 * Nemeses: the faults a run injects and heals, as ops in the history (process "nemesis"). Partitions are
 * {@link dev.schism.harness.nemesis.Grudge}s built by pure functions ({@link dev.schism.harness.nemesis.Grudges})
 * and applied in a {@link dev.schism.harness.nemesis.PartitionMode}; process faults kill, restart, pause and
 * resume nodes; latency adds delay with jitter per link; clock faults bump, strobe and skew node clocks.
 * A nemesis drives a target only through the capability interfaces here (network, processes, clocks,
 * leader), which backends implement; {@link dev.schism.harness.nemesis.NemesisPackages} turns names like
 * {@code partition,kill} into a nemesis, its schedule and its final heal.
 */
package dev.schism.harness.nemesis;
