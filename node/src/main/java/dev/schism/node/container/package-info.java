/**
 * The node as a container, configured the way the official {@code zookeeper} image is: {@code ZOO_*}
 * environment variables become {@code /conf/zoo.cfg} unless a mounted one is already there, and
 * {@code ZOO_MY_ID} becomes {@code /data/myid} unless one exists. Then the ordinary node starts on that
 * file, so the image is a drop-in wherever ZooKeeper containers already run.
 */
package dev.schism.node.container;
