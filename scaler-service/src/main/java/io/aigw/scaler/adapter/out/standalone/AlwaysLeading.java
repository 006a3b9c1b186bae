package io.aigw.scaler.adapter.out.standalone;

import io.aigw.scaler.application.Leadership;

/** Outside Kubernetes there is one scaler (the one-command run, compose): it always leads. */
public final class AlwaysLeading implements Leadership {

    @Override
    public boolean leading() {
        return true;
    }

    @Override
    public String leader() {
        return "this instance";
    }
}
