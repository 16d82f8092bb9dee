/**
 * Checks of one znode's write history from the versions ZooKeeper gives it: every committed setData
 * raises the znode's version by one, in zxid order, so the version each acknowledged write returned must
 * grow with its zxid, and what every server holds at the end must count every acknowledged write. A write
 * that a later-zxid write did not count was lost, even though nothing read it back in between.
 */
package dev.schism.harness.checker.znode;
