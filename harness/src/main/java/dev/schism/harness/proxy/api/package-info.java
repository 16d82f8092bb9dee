/**
 * The Toxiproxy-compatible HTTP control API: {@link dev.schism.harness.proxy.api.ApiRouter} maps a method and path
 * to a registry operation and renders the answer with Toxiproxy 2.12.0's exact status codes, JSON shapes and error
 * bodies ({@link dev.schism.harness.proxy.api.JsonCodec}); {@link dev.schism.harness.proxy.api.ApiHandler} is the thin
 * Netty adapter in front of it. Request content types are ignored, as toxiproxy-java sends form-encoded JSON.
 */
package dev.schism.harness.proxy.api;
