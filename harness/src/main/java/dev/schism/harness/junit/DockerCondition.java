package dev.schism.harness.junit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/** Enables docker tests when an engine answers; otherwise skips them loudly, or fails them where {@code SCHISM_REQUIRE_DOCKER=1}. */
public final class DockerCondition implements ExecutionCondition {
    public static final String REQUIRE_ENV = "SCHISM_REQUIRE_DOCKER";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext ctx) {
        return check(ctx.getDisplayName());
    }

    static ConditionEvaluationResult check(String what) {
        boolean available;
        try {
            available = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            available = false;
        }
        if (available) {
            return ConditionEvaluationResult.enabled("a Docker engine answers");
        }
        String reason = "SKIPPED " + what + ": no Docker engine answers (start dockerd, or set DOCKER_HOST)";
        if ("1".equals(System.getenv(REQUIRE_ENV))) {
            throw new IllegalStateException(reason.replace("SKIPPED", "FAILED") + ", and " + REQUIRE_ENV + "=1 says docker tests must run here");
        }
        System.err.println("\n*** " + reason + " ***\n");
        return ConditionEvaluationResult.disabled(reason);
    }

    @Override
    public String toString() {
        return "docker-condition";
    }
}
