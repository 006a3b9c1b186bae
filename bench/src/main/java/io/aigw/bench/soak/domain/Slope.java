package io.aigw.bench.soak.domain;

import java.util.List;

/**
 * A least-squares line through (seconds, value) points: its slope per hour and how well it fits
 * (r², 0 when the values do not vary).
 */
public record Slope(double perHour, double rSquared, double mean, int points) {

    public record Point(double seconds, double value) {}

    public static Slope fit(List<Point> points) {
        int n = points.size();
        if (n < 2) {
            double mean = n == 1 ? points.get(0).value() : 0;
            return new Slope(0, 0, mean, n);
        }
        double sx = 0;
        double sy = 0;
        for (Point p : points) {
            sx += p.seconds();
            sy += p.value();
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (Point p : points) {
            double dx = p.seconds() - mx;
            double dy = p.value() - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (sxx == 0) {
            return new Slope(0, 0, my, n);
        }
        double slope = sxy / sxx;
        double r2 = syy == 0 ? 0 : (sxy * sxy) / (sxx * syy);
        return new Slope(slope * 3600, r2, my, n);
    }
}
