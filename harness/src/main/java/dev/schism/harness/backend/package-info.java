/**
 * Backends: where a test's nodes run and how the harness reaches and hurts them. A
 * {@link dev.schism.harness.backend.Cluster} starts and stops the nodes, tells clients where each node is,
 * and exposes the fault capabilities it supports as a {@link dev.schism.harness.nemesis.NemesisPackages.Target}.
 * Network faults go through Toxiproxy (embedded or real) via {@link dev.schism.harness.backend.ToxiproxyNetwork};
 * admin words ({@code srvr}, {@code ruok}, {@code clok}) via {@link dev.schism.harness.backend.FourLetterWords}.
 */
package dev.schism.harness.backend;
