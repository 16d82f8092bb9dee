/**
 * Serving a run store over HTTP: {@code schism serve} shows the store's index (runs newest first) and
 * the files of each run folder, reports included, and nothing outside the store. A run folder without a
 * report gets one drawn on request, so runs stored before reports existed can be read the same way.
 */
package dev.schism.harness.serve;
