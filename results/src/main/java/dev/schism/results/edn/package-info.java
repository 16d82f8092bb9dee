/**
 * Jepsen's EDN, the format Clojure-based tools (Jepsen, Knossos, Elle) read and write histories in.
 * {@link dev.schism.results.edn.EdnReader} parses EDN elements with line-numbered errors, and
 * {@link dev.schism.results.edn.EdnHistoryReader} turns a file of op maps into a
 * {@link dev.schism.results.history.History}, so the checkers can re-check histories produced elsewhere.
 */
package dev.schism.results.edn;
