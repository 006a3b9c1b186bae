package io.aigw.scaler.domain;

/**
 * Holt's linear (double exponential) smoothing of one series: a level and a trend, each an
 * exponentially weighted average. The forecast {@code h} steps ahead is {@code level + h × trend}.
 * Immutable; {@link #update} returns the next state. No seasonal term: the horizon is minutes, the
 * seasons of LLM traffic are hours and days (ADR 0011).
 *
 * @param alpha weight of the newest observation in the level, in (0, 1]
 * @param beta weight of the newest level change in the trend, in (0, 1]
 * @param level the smoothed value
 * @param trend the smoothed change per step
 * @param observations how many values went in
 */
public record HoltForecast(double alpha, double beta, double level, double trend, long observations) {

    public HoltForecast {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
        }
        if (!(beta > 0 && beta <= 1)) {
            throw new IllegalArgumentException("beta must be in (0, 1], got " + beta);
        }
    }

    public static HoltForecast start(double alpha, double beta) {
        return new HoltForecast(alpha, beta, 0, 0, 0);
    }

    public HoltForecast update(double value) {
        if (!Double.isFinite(value)) {
            return this;
        }
        if (observations == 0) {
            return new HoltForecast(alpha, beta, value, 0, 1);
        }
        if (observations == 1) {
            return new HoltForecast(alpha, beta, value, value - level, 2);
        }
        double nextLevel = alpha * value + (1 - alpha) * (level + trend);
        double nextTrend = beta * (nextLevel - level) + (1 - beta) * trend;
        return new HoltForecast(alpha, beta, nextLevel, nextTrend, observations + 1);
    }

    /** The value {@code steps} steps ahead, never below zero; NaN before two observations. */
    public double forecast(double steps) {
        if (observations < 2) {
            return Double.NaN;
        }
        return Math.max(0, level + steps * trend);
    }
}
