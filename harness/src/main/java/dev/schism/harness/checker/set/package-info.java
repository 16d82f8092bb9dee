/**
 * The set checker, in the manner of Jepsen's set-full: clients add unique elements, every server is read
 * on its own at the end, and each acknowledged add must be in every server's set. Elements that were never
 * attempted, or whose add certainly failed, must not appear; adds of unknown outcome may go either way;
 * and all servers must end with the same set.
 */
package dev.schism.harness.checker.set;
