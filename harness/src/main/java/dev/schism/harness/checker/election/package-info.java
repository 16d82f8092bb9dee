/**
 * Election safety: from the nodes' role journals and the acknowledged writes, checks that at most one
 * leader established each epoch (ZAB's "one leader per epoch"), that writes acknowledged in one epoch all
 * went through the same leader, and that no zxid was acknowledged for two different writes. It also
 * measures availability: how long the ensemble had no established leader.
 */
package dev.schism.harness.checker.election;
