/**
 * Driving a real headless Chromium from tests through the DevTools protocol: launch it with a fresh
 * profile, open a page, read the DOM and the console, take screenshots, measure paint times. Written here
 * over the JDK's websocket client so that the browser tests need nothing but the Debian chromium package.
 */
package dev.schism.results.report.browser;
