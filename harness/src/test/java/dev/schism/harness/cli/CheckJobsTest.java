package dev.schism.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code check --jobs}: files checked side by side give the same verdicts, in the order the files were given. */
class CheckJobsTest {

    private static List<String> verdicts(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            exit = Main.execute(args);
        } finally {
            System.setOut(old);
        }
        List<String> out = new ArrayList<>();
        for (String line : o.toString(StandardCharsets.UTF_8).lines().toList()) {
            out.add(line.substring(0, line.lastIndexOf(' '))); // without the milliseconds
        }
        out.add("exit " + exit);
        return out;
    }

    @Test
    void sideBySideMatchesOneAtATime() throws URISyntaxException {
        File dir = Path.of(CheckJobsTest.class.getResource("/porcupine/jepsen").toURI()).toFile();
        String[] names = dir.list((d, n) -> n.endsWith(".log"));
        Arrays.sort(names, java.util.Comparator.reverseOrder()); // not the order the pool would finish them in
        List<String> files = Arrays.stream(names).limit(24).map(n -> new File(dir, n).getPath()).toList();
        List<String> base = new ArrayList<>(List.of("check", "--format", "porcupine-etcd"));
        List<String> one = new ArrayList<>(base);
        one.addAll(List.of("--jobs", "1"));
        one.addAll(files);
        List<String> three = new ArrayList<>(base);
        three.addAll(List.of("--jobs", "3"));
        three.addAll(files);
        List<String> expected = verdicts(one.toArray(String[]::new));
        assertEquals(files.size() + 1, expected.size(), expected.toString());
        assertEquals(expected, verdicts(three.toArray(String[]::new)));
        assertEquals(List.of("exit 254"), verdicts("check", "--jobs", "0", files.get(0)));
    }
}
