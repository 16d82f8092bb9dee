package dev.schism.harness.checker.model;

import java.util.List;
import java.util.function.Supplier;

/** The models the command line and workloads can name. */
public final class Models {
    private static final List<String> NAMES = List.of("register", "cas-register", "etcd", "kv", "set", "znode");

    private Models() {
    }

    public static List<String> names() {
        return NAMES;
    }

    /**
     * The model with this name, or {@code independent <name>} (also {@code independent-<name>}) for Jepsen's
     * independent keys; throws IllegalArgumentException listing the known names.
     */
    public static Model<?> byName(String name) {
        for (String prefix : new String[] {"independent ", "independent-"}) {
            if (name.startsWith(prefix) && !name.equals(prefix + "kv")) {
                return independent(byName(name.substring(prefix.length())));
            }
        }
        Supplier<Model<?>> s = switch (name) {
            case "register" -> RegisterModel::register;
            case "cas-register" -> RegisterModel::casRegister;
            case "etcd" -> EtcdModel::new;
            case "kv" -> KvModel::new;
            case "set" -> SetModel::new;
            case "znode" -> ZnodeModel::new;
            default -> null;
        };
        if (s == null) {
            throw new IllegalArgumentException("unknown model '" + name + "' (expected one of "
                    + String.join(", ", NAMES) + ", optionally prefixed with independent-)");
        }
        return s.get();
    }

    /**
     * {@code model} starting from {@code value} (plain data) instead of its own initial state; for an
     * independent model every key starts there. IllegalArgumentException if the value does not fit.
     */
    public static Model<?> startingFrom(Model<?> model, Object value) {
        return StartingFrom.of(model, value);
    }

    private static <S> Model<S> independent(Model<S> inner) {
        return new IndependentModel<>(inner);
    }
}
