package dev.schism.harness.checker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.schism.harness.checker.linear.CheckOptions;
import dev.schism.harness.checker.linear.LinearizabilityResult;
import dev.schism.harness.checker.linear.LinearizabilityChecker;
import dev.schism.results.verdict.Verdict;
import dev.schism.results.edn.EdnHistoryReader;
import dev.schism.results.history.History;
import java.io.IOException;
import java.io.StringReader;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Small hand-written Jepsen histories for every model: valid and invalid ones, with info ops, failed ops and
 * nemesis ops. Each is one EDN op map per line; times are positions in the history.
 */
class ModelHistoriesTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // register: strict nil reads
                c("register", "sequential write then read", Verdict.VALID, """
                        {:process 0 :type :invoke :f :write :value 1}
                        {:process 0 :type :ok :f :write :value 1}
                        {:process 1 :type :invoke :f :read :value nil}
                        {:process 1 :type :ok :f :read :value 1}"""),
                c("register", "stale read after the write completed", Verdict.INVALID, """
                        {:process 0 :type :invoke :f :write :value 1}
                        {:process 0 :type :ok :f :write :value 1}
                        {:process 0 :type :invoke :f :write :value 2}
                        {:process 0 :type :ok :f :write :value 2}
                        {:process 1 :type :invoke :f :read :value nil}
                        {:process 1 :type :ok :f :read :value 1}"""),
                c("register", "nil read after a write is illegal in the strict register", Verdict.INVALID, """
                        {:process 0 :type :invoke :f :write :value 1}
                        {:process 0 :type :ok :f :write :value 1}
                        {:process 1 :type :invoke :f :read :value nil}
                        {:process 1 :type :ok :f :read :value nil}"""),
                c("register", "concurrent read may see the old or new value", Verdict.VALID, """
                        {:process 0 :type :invoke :f :write :value 1}
                        {:process 1 :type :invoke :f :read :value nil}
                        {:process 1 :type :ok :f :read :value nil}
                        {:process 2 :type :invoke :f :read :value nil}
                        {:process 2 :type :ok :f :read :value 1}
                        {:process 0 :type :ok :f :write :value 1}"""),
                c("register", "reads disagree on the order of two concurrent writes", Verdict.INVALID, """
                        {:process 0 :type :invoke :f :write :value 1}
                        {:process 1 :type :invoke :f :write :value 2}
                        {:process 0 :type :ok :f :write :value 1}
                        {:process 1 :type :ok :f :write :value 2}
                        {:process 2 :type :invoke :f :read :value nil}
                        {:process 2 :type :ok :f :read :value 1}
                        {:process 3 :type :invoke :f :read :value nil}
                        {:process 3 :type :ok :f :read :value 2}"""),
                c("register", "a failed write did not happen", Verdict.INVALID, """
                        {:process 0 :type :invoke :f :write :value 1}
                        {:process 0 :type :fail :f :write :value 1}
                        {:process 1 :type :invoke :f :read :value nil}
                        {:process 1 :type :ok :f :read :value 1}"""),
                c("register", "an info write may take effect later, even after its process crashed", Verdict.VALID, """
                        {:process 0 :type :invoke :f :write :value 1}
                        {:process 0 :type :info :f :write :value 1}
                        {:process 1 :type :invoke :f :read :value nil}
                        {:process 1 :type :ok :f :read :value nil}
                        {:process 1 :type :invoke :f :read :value nil}
                        {:process 1 :type :ok :f :read :value 1}"""),
                c("register", "an info write may never take effect", Verdict.VALID, """
                        {:process 0 :type :invoke :f :write :value 1}
                        {:process 0 :type :info :f :write :value 1}
                        {:process 1 :type :invoke :f :read :value nil}
                        {:process 1 :type :ok :f :read :value nil}"""),
                c("register", "an info write cannot be undone once read", Verdict.INVALID, """
                        {:process 0 :type :invoke :f :write :value 1}
                        {:process 0 :type :info :f :write :value 1}
                        {:process 1 :type :invoke :f :read :value nil}
                        {:process 1 :type :ok :f :read :value 1}
                        {:process 1 :type :invoke :f :read :value nil}
                        {:process 1 :type :ok :f :read :value nil}"""),
                c("register", "an invoke that never completes stays open; nemesis ops are ignored", Verdict.VALID, """
                        {:process :nemesis :type :info :f :start-partition :value nil}
                        {:process 0 :type :invoke :f :write :value 7}
                        {:process :nemesis :type :info :f :start-partition :value [:n1 :n2]}
                        {:process 1 :type :invoke :f :read :value nil}
                        {:process 1 :type :ok :f :read :value 7}"""),
                // cas-register (Knossos): nil reads are unknown
                c("cas-register", "cas chain", Verdict.VALID, """
                        {:process 0 :type :invoke :f :write :value 1}
                        {:process 0 :type :ok :f :write :value 1}
                        {:process 1 :type :invoke :f :cas :value [1 2]}
                        {:process 1 :type :ok :f :cas :value [1 2]}
                        {:process 2 :type :invoke :f :read :value nil}
                        {:process 2 :type :ok :f :read :value 2}"""),
                c("cas-register", "cas succeeded on a value that was not there", Verdict.INVALID, """
                        {:process 0 :type :invoke :f :write :value 1}
                        {:process 0 :type :ok :f :write :value 1}
                        {:process 1 :type :invoke :f :cas :value [3 2]}
                        {:process 1 :type :ok :f :cas :value [3 2]}"""),
                c("cas-register", "a failed cas did not happen", Verdict.INVALID, """
                        {:process 0 :type :invoke :f :write :value 1}
                        {:process 0 :type :ok :f :write :value 1}
                        {:process 1 :type :invoke :f :cas :value [1 2]}
                        {:process 1 :type :fail :f :cas :value [1 2]}
                        {:process 2 :type :invoke :f :read :value nil}
                        {:process 2 :type :ok :f :read :value 2}"""),
                c("cas-register", "an info cas explains a later read", Verdict.VALID, """
                        {:process 0 :type :invoke :f :write :value 1}
                        {:process 0 :type :ok :f :write :value 1}
                        {:process 1 :type :invoke :f :cas :value [1 2]}
                        {:process 1 :type :info :f :cas :value [1 2] :error :timeout}
                        {:process 2 :type :invoke :f :read :value nil}
                        {:process 2 :type :ok :f :read :value 2}"""),
                c("cas-register", "a nil read is a read of unknown value", Verdict.VALID, """
                        {:process 0 :type :invoke :f :write :value 1}
                        {:process 0 :type :ok :f :write :value 1}
                        {:process 1 :type :invoke :f :read :value nil}
                        {:process 1 :type :ok :f :read :value nil}"""),
                // etcd: a failed cas is a comparison that failed
                c("etcd", "failed cas is a definite outcome", Verdict.VALID, """
                        {:process 0 :type :invoke :f :write :value 1}
                        {:process 0 :type :ok :f :write :value 1}
                        {:process 1 :type :invoke :f :cas :value [3 2]}
                        {:process 1 :type :fail :f :cas :value [3 2]}"""),
                c("etcd", "a cas cannot fail when the comparison holds", Verdict.INVALID, """
                        {:process 0 :type :invoke :f :write :value 1}
                        {:process 0 :type :ok :f :write :value 1}
                        {:process 1 :type :invoke :f :cas :value [1 2]}
                        {:process 1 :type :fail :f :cas :value [1 2]}"""),
                c("etcd", "a timed-out read says nothing; nil reads a nil register", Verdict.VALID, """
                        {:process 1 :type :invoke :f :read :value nil}
                        {:process 1 :type :ok :f :read :value nil}
                        {:process 0 :type :invoke :f :write :value 1}
                        {:process 0 :type :ok :f :write :value 1}
                        {:process 1 :type :invoke :f :read :value nil}
                        {:process 1 :type :fail :f :read :value :timed-out}"""),
                // kv: partitioned by key
                c("kv", "appends on two keys", Verdict.VALID, """
                        {:process 0 :type :invoke :f :append :value ["a" "x"]}
                        {:process 1 :type :invoke :f :append :value ["b" "y"]}
                        {:process 0 :type :ok :f :append :value ["a" "x"]}
                        {:process 1 :type :ok :f :append :value ["b" "y"]}
                        {:process 0 :type :invoke :f :get :value ["a" nil]}
                        {:process 0 :type :ok :f :get :value ["a" "x"]}
                        {:process 1 :type :invoke :f :get :value ["b" nil]}
                        {:process 1 :type :ok :f :get :value ["b" "y"]}"""),
                c("kv", "append order contradicts real time", Verdict.INVALID, """
                        {:process 0 :type :invoke :f :append :value ["a" "x"]}
                        {:process 0 :type :ok :f :append :value ["a" "x"]}
                        {:process 1 :type :invoke :f :append :value ["a" "y"]}
                        {:process 1 :type :ok :f :append :value ["a" "y"]}
                        {:process 2 :type :invoke :f :get :value ["a" nil]}
                        {:process 2 :type :ok :f :get :value ["a" "yx"]}"""),
                c("kv", "put, info append, get seeing it", Verdict.VALID, """
                        {:process 0 :type :invoke :f :put :value ["k" "1"]}
                        {:process 0 :type :ok :f :put :value ["k" "1"]}
                        {:process 1 :type :invoke :f :append :value ["k" "2"]}
                        {:process 1 :type :info :f :append :value ["k" "2"]}
                        {:process 2 :type :invoke :f :get :value ["k" nil]}
                        {:process 2 :type :ok :f :get :value ["k" "12"]}"""),
                c("kv", "an empty key reads the empty string", Verdict.VALID, """
                        {:process 0 :type :invoke :f :get :value ["k" nil]}
                        {:process 0 :type :ok :f :get :value ["k" nil]}"""),
                // set
                c("set", "adds then a full read", Verdict.VALID, """
                        {:process 0 :type :invoke :f :add :value 1}
                        {:process 0 :type :ok :f :add :value 1}
                        {:process 1 :type :invoke :f :add :value 2}
                        {:process 1 :type :info :f :add :value 2}
                        {:process 2 :type :invoke :f :read :value nil}
                        {:process 2 :type :ok :f :read :value #{1 2}}"""),
                c("set", "an acknowledged add is missing from a later read", Verdict.INVALID, """
                        {:process 0 :type :invoke :f :add :value 1}
                        {:process 0 :type :ok :f :add :value 1}
                        {:process 2 :type :invoke :f :read :value nil}
                        {:process 2 :type :ok :f :read :value []}"""),
                c("set", "a failed add shows up", Verdict.INVALID, """
                        {:process 0 :type :invoke :f :add :value 1}
                        {:process 0 :type :fail :f :add :value 1}
                        {:process 2 :type :invoke :f :read :value nil}
                        {:process 2 :type :ok :f :read :value [1]}"""),
                c("set", "concurrent add may or may not be seen", Verdict.VALID, """
                        {:process 0 :type :invoke :f :add :value 1}
                        {:process 2 :type :invoke :f :read :value nil}
                        {:process 2 :type :ok :f :read :value []}
                        {:process 3 :type :invoke :f :read :value nil}
                        {:process 3 :type :ok :f :read :value [1]}
                        {:process 0 :type :ok :f :add :value 1}"""),
                // independent keys: each key its own register
                c("independent-cas-register", "two keys, each consistent", Verdict.VALID, """
                        {:process 0 :type :invoke :f :write :value [1 5]}
                        {:process 0 :type :ok :f :write :value [1 5]}
                        {:process 1 :type :invoke :f :write :value [2 6]}
                        {:process 1 :type :ok :f :write :value [2 6]}
                        {:process 2 :type :invoke :f :cas :value [1 [5 7]]}
                        {:process 2 :type :ok :f :cas :value [1 [5 7]]}
                        {:process 3 :type :invoke :f :read :value [2 nil]}
                        {:process 3 :type :ok :f :read :value [2 6]}"""),
                c("independent-cas-register", "a read sees another key's value", Verdict.INVALID, """
                        {:process 0 :type :invoke :f :write :value [1 5]}
                        {:process 0 :type :ok :f :write :value [1 5]}
                        {:process 1 :type :invoke :f :write :value [2 6]}
                        {:process 1 :type :ok :f :write :value [2 6]}
                        {:process 3 :type :invoke :f :read :value [2 nil]}
                        {:process 3 :type :ok :f :read :value [2 5]}"""),
                c("independent register", "a failed write without a value is dropped", Verdict.VALID, """
                        {:process 0 :type :invoke :f :write :value [1 5]}
                        {:process 0 :type :fail :f :write :value nil}
                        {:process 3 :type :invoke :f :read :value [1 nil]}
                        {:process 3 :type :ok :f :read :value [1 nil]}"""),
                // znode: versions
                c("znode", "create, versioned setData, getData", Verdict.VALID, """
                        {:process 0 :type :invoke :f :create :value "a"}
                        {:process 0 :type :ok :f :create :value "a"}
                        {:process 1 :type :invoke :f :write :value ["b" 0]}
                        {:process 1 :type :ok :f :write :value ["b" 0]}
                        {:process 2 :type :invoke :f :write :value ["c" 0]}
                        {:process 2 :type :fail :f :write :value ["c" 0] :error "BadVersion"}
                        {:process 3 :type :invoke :f :read :value nil}
                        {:process 3 :type :ok :f :read :value ["b" 1]}"""),
                c("znode", "two setData with the same expected version both succeed", Verdict.INVALID, """
                        {:process 0 :type :invoke :f :create :value "a"}
                        {:process 0 :type :ok :f :create :value "a"}
                        {:process 1 :type :invoke :f :write :value ["b" 0]}
                        {:process 2 :type :invoke :f :write :value ["c" 0]}
                        {:process 1 :type :ok :f :write :value ["b" 0]}
                        {:process 2 :type :ok :f :write :value ["c" 0]}"""),
                c("znode", "BadVersion while the version matched", Verdict.INVALID, """
                        {:process 0 :type :invoke :f :create :value "a"}
                        {:process 0 :type :ok :f :create :value "a"}
                        {:process 1 :type :invoke :f :write :value ["b" 0]}
                        {:process 1 :type :fail :f :write :value ["b" 0] :error :bad-version}"""),
                c("znode", "connection loss is dropped; an info setData may have bumped the version", Verdict.VALID, """
                        {:process 0 :type :invoke :f :create :value "a"}
                        {:process 0 :type :ok :f :create :value "a"}
                        {:process 1 :type :invoke :f :write :value ["b" 0]}
                        {:process 1 :type :fail :f :write :value ["b" 0] :error "ConnectionLoss"}
                        {:process 2 :type :invoke :f :write :value ["c" 0]}
                        {:process 2 :type :info :f :write :value ["c" 0] :error "ConnectionLoss"}
                        {:process 3 :type :invoke :f :read :value nil}
                        {:process 3 :type :ok :f :read :value ["c" 1]}"""),
                c("znode", "read of an absent node fails with NoNode; a version that went backwards", Verdict.INVALID, """
                        {:process 3 :type :invoke :f :read :value nil}
                        {:process 3 :type :fail :f :read :value nil :error "NoNode"}
                        {:process 0 :type :invoke :f :create :value "a"}
                        {:process 0 :type :ok :f :create :value "a"}
                        {:process 1 :type :invoke :f :write :value ["b" -1]}
                        {:process 1 :type :ok :f :write :value ["b" -1]}
                        {:process 3 :type :invoke :f :read :value nil}
                        {:process 3 :type :ok :f :read :value ["b" 0]}"""));
    }

    private static Arguments c(String model, String name, Verdict expected, String edn) {
        return Arguments.of(model, name, expected, edn);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void verdict(String model, String name, Verdict expected, String edn) throws IOException {
        History h = EdnHistoryReader.read(new StringReader(edn), name);
        LinearizabilityResult r = LinearizabilityChecker.check(Models.byName(model), h, CheckOptions.DEFAULT);
        assertEquals(expected, r.verdict(), name + ": " + r);
    }
}
