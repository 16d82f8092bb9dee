/**
 * The {@code schism} command line (picocli): {@code run}, {@code analyze}, {@code check}, {@code proxy},
 * {@code explore} and {@code shrink} (the deterministic simulator).
 * Exit codes are the contract with CI: 0 valid, 1 invalid, 2 unknown, 254 bad arguments, 255 crash.
 */
package dev.schism.harness.cli;
