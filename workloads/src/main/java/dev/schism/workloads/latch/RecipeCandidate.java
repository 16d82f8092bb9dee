package dev.schism.workloads.latch;

import dev.schism.workloads.recipes.SequentialElection;

/** A client of the seed recipe, {@link SequentialElection}, talking to one server. */
final class RecipeCandidate implements Candidate {
    private final String id;
    private final String election;
    private final SequentialElection recipe;

    RecipeCandidate(String id, String election, String address, String dir, int sessionTimeoutMs, Beliefs beliefs,
                    SequentialElection.Disconnects disconnects) {
        this.id = id;
        this.election = election;
        this.recipe = new SequentialElection(address, sessionTimeoutMs, dir, id, beliefs::changed, disconnects);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String election() {
        return election;
    }

    @Override
    public void start() throws Exception {
        recipe.start();
    }

    @Override
    public void close() {
        try {
            recipe.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return recipe.toString();
    }
}
