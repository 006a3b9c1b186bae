package io.aigw.scaler.application;

import io.aigw.scaler.domain.policy.PolicyInputs;

/** Spend rate and provider health for the tier policy; unknown values are empty or NaN, never an exception. */
public interface PolicySignals {

    PolicyInputs observe();
}
