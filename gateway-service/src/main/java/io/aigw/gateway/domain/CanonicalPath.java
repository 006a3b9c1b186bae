package io.aigw.gateway.domain;

/**
 * Whether a request path is plain enough to route on its raw text. Services behind the gateway match
 * routes on decoded segments without {@code ;} parameters, so {@code /%61dmin/tenants} and {@code
 * /admin;x/tenants} are {@code /admin/tenants} to them but not to a check on the raw path. The public
 * API has no route that needs more than unreserved characters, so the edge refuses the rest instead
 * of trying to agree with every service on how to decode it.
 */
public final class CanonicalPath {

    private CanonicalPath() {}

    /**
     * @param rawPath the path as sent, still percent-encoded, without the query
     * @return true when it starts with {@code /}, has only non-empty segments of letters, digits,
     *     {@code . _ ~ -} (an optional trailing slash aside), and no {@code .} or {@code ..} segment
     */
    public static boolean isCanonical(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return false;
        }
        int start = 1;
        while (start < rawPath.length()) {
            int end = rawPath.indexOf('/', start);
            if (end < 0) {
                end = rawPath.length();
            } else if (end == rawPath.length() - 1) {
                // a trailing slash: the segment before it is the last one
                return isPlainSegment(rawPath, start, end);
            }
            if (!isPlainSegment(rawPath, start, end)) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    private static boolean isPlainSegment(String path, int start, int end) {
        int length = end - start;
        if (length == 0 || (length <= 2 && path.substring(start, end).chars().allMatch(c -> c == '.'))) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = path.charAt(i);
            boolean unreserved = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || c == '-';
            if (!unreserved) {
                return false;
            }
        }
        return true;
    }
}
