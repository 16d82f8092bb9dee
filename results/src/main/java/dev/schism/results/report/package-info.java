/**
 * The run report: one self-contained HTML page per run folder ({@code report.html}) that a person reads to
 * understand a verdict. It is drawn only from the files of the folder (test, history, faults, role events,
 * results, node logs), as inline SVG with no script and nothing fetched from the network, and it aggregates
 * what a screen cannot show so that a 100,000-op history still makes a page of a few megabytes. The store
 * index that {@code schism serve} shows is drawn here too.
 */
package dev.schism.results.report;
