package dev.schism.harness.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a Schism test before the annotated method and passes its outcome: declare a parameter of type
 * {@link dev.schism.harness.runner.Runner.Outcome}. The options mean what the {@code schism run} options
 * of the same names mean.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SchismExtension.class)
public @interface Chaos {
    String workload();

    String nemesis() default "partition";

    int nodes() default 5;

    double timeLimit() default 60;

    int concurrency() default 10;

    double rate() default 50;

    long seed() default 1;

    /**
     * Comma-separated link channels a partition cuts, taking turns from one partition to the next: all,
     * quorum, election.
     */
    String partitionLinks() default "all,quorum";

    /** Empty: no injected bug. */
    String injectBug() default "";

    double nemesisInterval() default 5;

    String partitionModes() default "drop,stall,refuse";

    double recovery() default 5;

    /** {@code --reads}: plain, sync or linearizable; empty for the workload's default. */
    String reads() default "";

    /** Where the nodes run: local or docker (a docker run without an engine is skipped, see {@link RequiresDocker}). */
    String backend() default "local";

    /** What the nodes run: {@code schism} or {@code zookeeper:<version>} (a release from Maven Central). */
    String target() default "schism";
}
