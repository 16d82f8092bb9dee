package dev.schism.workloads.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SequentialElectionTest {
    @Test
    void candidatesAreOrderedBySequenceNumberWhateverTheirPrefix() {
        assertEquals(List.of("guid-b_0000000002", "guid-a_0000000010", "x_0000000011"),
                SequentialElection.sorted(List.of("x_0000000011", "guid-a_0000000010", "guid-b_0000000002", "junk")));
    }
}
