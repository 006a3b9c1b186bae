package io.aigw.launcher;

/** The names of the environment contract between the launcher and every service. */
public final class EnvNames {
    /** The port a child listens on. */
    public static final String SERVER_PORT = "SERVER_PORT";
    /** The address a child binds; always the loopback. */
    public static final String SERVER_ADDRESS = "SERVER_ADDRESS";
    /** The Redis every service uses, e.g. {@code redis://127.0.0.1:6390}. */
    public static final String REDIS_URL = "AIGW_REDIS_URL";
    /** The shared secret on internal calls. */
    public static final String INTERNAL_TOKEN = "AIGW_INTERNAL_TOKEN";
    /** The gateway key clients use in the local run. */
    public static final String DEMO_KEY = "AIGW_DEMO_KEY";
    /** A folder the services may share data through; passed through when set. */
    public static final String SHARED_DATA = "AIGW_SHARED_DATA";
    /** JVM options for every child, replacing {@link StackSpec#DEFAULT_JAVA_OPTS}. */
    public static final String JAVA_OPTS = "AIGW_JAVA_OPTS";

    private EnvNames() {}
}
