package io.github.pbitoken.tests.bench;

import java.util.Arrays;

/** Medians, because these machines are noisy and means chase the outliers. */
final class Stats {
  private Stats() {}

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
