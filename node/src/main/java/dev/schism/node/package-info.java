/**
 * The node's entry point: {@link dev.schism.node.Main} parses the command line and zoo.cfg, starts one
 * server of an ensemble and maps failures to exit statuses. The parts it starts live in the sub-packages
 * (config, storage, net, core, tree, client, server).
 */
package dev.schism.node;
