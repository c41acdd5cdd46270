package org.feedback.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A value drawn with a probability proportional to its weight. */
final class Weighted<T> {

    private final List<T> values = new ArrayList<>();
    private final List<Double> cumulative = new ArrayList<>();
    private double total;

    Weighted<T> add(double weight, T value) {
        total += weight;
        values.add(value);
        cumulative.add(total);
        return this;
    }

    T draw(SplittableRandom random) {
        double point = random.nextDouble() * total;
        for (int i = 0; i < values.size(); i++) {
            if (point < cumulative.get(i)) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }
}
