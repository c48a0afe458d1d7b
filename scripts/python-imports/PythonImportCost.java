// What a fresh Python context costs, module by module, once the engine and the JIT are warm (issue 9; a
// diagnostic, not a benchmark). Run from the repository root:
//   SANDLOT_MAIN=scripts/python-imports/PythonImportCost.java ./sandbox WARM-UP ROUNDS CODE...
// for example
//   SANDLOT_MAIN=scripts/python-imports/PythonImportCost.java ./sandbox 150 15 '1' 'import json' 'import re' \
//       'import statistics' 'import json, re, csv, statistics, datetime, collections, io'
// Runs WARM-UP stateless executions of the CODE arguments in turn through one sandbox (each in a fresh context, no
// pool), then ROUNDS rounds of all of them, and prints each one's median and minimum wall time per execution: the
// context, the sandbox's hardening, the code and the close, as a stateless execution pays them.

import io.sandlot.ExecutionResult;
import io.sandlot.Language;
import io.sandlot.Sandbox;
import io.sandlot.Status;
import io.sandlot.local.SandboxFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class PythonImportCost {

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: PythonImportCost WARM-UP ROUNDS CODE...");
            System.exit(2);
        }
        int warmUp = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        List<String> codes = Arrays.asList(args).subList(2, args.length);
        try (SandboxFactory factory = SandboxFactory.create()) {
            Sandbox sandbox = factory.newSandbox();
            for (int i = 0; i < warmUp; i++) {
                check(sandbox.execute(Language.PYTHON, codes.get(i % codes.size())));
            }
            Map<String, List<Double>> times = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (String code : codes) {
                    long start = System.nanoTime();
                    check(sandbox.execute(Language.PYTHON, code));
                    times.computeIfAbsent(code, key -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
                }
            }
            System.out.printf("after %d warm-up executions, %d rounds:%n", warmUp, rounds);
            times.forEach((code, list) -> {
                Collections.sort(list);
                System.out.printf("%8.1f ms median %8.1f ms min  %s%n", list.get(list.size() / 2), list.get(0),
                        code.replace('\n', ';'));
            });
        }
    }

    private static void check(ExecutionResult result) {
        if (result.status() != Status.OK) {
            throw new IllegalStateException(result.toJson());
        }
    }
}
