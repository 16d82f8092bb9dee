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

    /** The model with this name; throws IllegalArgumentException listing the known names. */
    public static Model<?> byName(String name) {
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
                    + String.join(", ", NAMES) + ")");
        }
        return s.get();
    }
}
