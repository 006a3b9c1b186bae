package io.aigw.launcher;

/** Placeholder; replaced by the one-command launcher. */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        System.out.println("aigw launcher");
    }
}
