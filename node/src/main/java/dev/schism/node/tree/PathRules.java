package dev.schism.node.tree;

import dev.schism.node.txn.Err;

/** ZooKeeper's znode path rules: absolute, no empty, "." or ".." segments, no trailing slash, no NUL. */
public final class PathRules {
    private PathRules() {
    }

    static void validate(String path) throws KeeperError {
        if (!isValid(path)) {
            throw new KeeperError(Err.BAD_ARGUMENTS, String.valueOf(path));
        }
    }

    public static boolean isValid(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            return false;
        }
        if (path.length() == 1) {
            return true;
        }
        if (path.charAt(path.length() - 1) == '/') {
            return false;
        }
        // segment by segment without splitting: every request and txn validates its path
        for (int start = 1, end; start <= path.length(); start = end + 1) {
            end = path.indexOf('/', start);
            end = end < 0 ? path.length() : end;
            int len = end - start;
            if (len == 0 || path.charAt(start) == '.' && (len == 1 || len == 2 && path.charAt(start + 1) == '.')) {
                return false;
            }
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == 0 || (c > '\u0000' && c <= '\u001f') || (c >= '\u007f' && c <= '\u009F')
                    || (c >= '\ud800' && c <= '\uf8ff') || (c >= '\ufff0' && c <= '\uffff')) {
                return false;
            }
        }
        return true;
    }

    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    public static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public static String child(String parent, String name) {
        return parent.equals("/") ? "/" + name : parent + "/" + name;
    }
}
