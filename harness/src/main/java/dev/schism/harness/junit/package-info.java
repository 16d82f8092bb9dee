/**
 * JUnit 5 support: a test method annotated with {@link dev.schism.harness.junit.Chaos} gets the
 * {@link dev.schism.harness.runner.Runner.Outcome} of a whole Schism run (cluster, workload, faults,
 * checkers) as a parameter, so chaos suites assert on verdicts and evidence like any other test. Run
 * folders go under {@code target/schism-store} and are named in the failure message.
 */
package dev.schism.harness.junit;
