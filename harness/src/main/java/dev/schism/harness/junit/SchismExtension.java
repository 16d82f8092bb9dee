package dev.schism.harness.junit;

import dev.schism.harness.nemesis.NemesisPackages;
import dev.schism.harness.runner.Runner;
import dev.schism.harness.runner.TestSpec;
import dev.schism.harness.runner.Workload;
import dev.schism.harness.runner.Workloads;
import dev.schism.results.store.RunFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Resolves a {@link Runner.Outcome} parameter by running the test its method's {@link Chaos} describes;
 * when the test then fails, the failure names the run folder (where the history and node logs are) and its report.
 * Store root: system property {@code schism.store}, default {@code target/schism-store}.
 */
public final class SchismExtension implements ParameterResolver, TestExecutionExceptionHandler, ExecutionCondition {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SchismExtension.class);

    /** A docker run needs an engine: without one it is skipped loudly (or fails where SCHISM_REQUIRE_DOCKER=1). */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext ctx) {
        Chaos c = ctx.getTestMethod().map(m -> m.getAnnotation(Chaos.class)).orElse(null);
        if (c == null || !c.backend().equals("docker")) {
            return ConditionEvaluationResult.enabled("no engine needed");
        }
        return DockerCondition.check(ctx.getDisplayName());
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
        return p.getParameter().getType() == Runner.Outcome.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
        Chaos c = ctx.getRequiredTestMethod().getAnnotation(Chaos.class);
        if (c == null) {
            throw new ParameterResolutionException("a Runner.Outcome parameter needs @Chaos on " + ctx.getRequiredTestMethod());
        }
        Workload w = Workloads.find(c.workload());
        TestSpec spec = new TestSpec(ctx.getRequiredTestClass().getSimpleName() + "." + ctx.getRequiredTestMethod().getName(),
                w.name(), NemesisPackages.parse(c.nemesis()), c.nodes(), c.timeLimit(), c.concurrency(), c.rate(), c.seed(), c.backend(),
                c.injectBug().isEmpty() ? Optional.empty() : Optional.of(c.injectBug()), Optional.empty(), c.nemesisInterval(),
                TestSpec.partitionModes(c.partitionModes()), TestSpec.commaList(c.partitionLinks()), c.recovery(),
                c.reads().isEmpty() ? Optional.empty() : Optional.of(c.reads()), c.target());
        Path store = Path.of(System.getProperty("schism.store", "target/schism-store"));
        try {
            Runner.Outcome o = new Runner(System.out, false, Optional.empty()).run(spec, w, store);
            ctx.getStore(NS).put("folder", o.folder());
            return o;
        } catch (IOException e) {
            throw new UncheckedIOException("the Schism run did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext ctx, Throwable t) throws Throwable {
        Object folder = ctx.getStore(NS).get("folder");
        if (folder instanceof RunFolder f && t instanceof AssertionError) {
            AssertionError named = new AssertionError(t.getMessage() + " [run folder " + f.dir() + ", report " + f.report() + "]", t);
            throw named;
        }
        throw t;
    }

    @Override
    public String toString() {
        return "schism-extension";
    }
}
