package io.aigw.launcher;

/** Redis URLs fit for printing. */
final class RedisUrls {

    private RedisUrls() {}

    /** The URL with any user info (which may hold a password) replaced by {@code ***}. */
    static String redact(String url) {
        if (url == null) {
            return null;
        }
        int scheme = url.indexOf("://");
        int at = url.lastIndexOf('@');
        if (scheme < 0 || at < scheme) {
            return url;
        }
        return url.substring(0, scheme + 3) + "***" + url.substring(at);
    }
}
