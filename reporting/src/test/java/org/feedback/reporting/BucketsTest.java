package org.feedback.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BucketsTest {

    @Test
    void sizeLabel_slightlyBelowPowerOfTwo_rangeUpToIt() {
        assertThat(Buckets.sizeLabel(16_663_322_624L)).isEqualTo("8-16 GiB");
    }

    @Test
    void sizeLabel_exactPowerOfTwo_isUpperBound() {
        assertThat(Buckets.sizeLabel(16L << 30)).isEqualTo("8-16 GiB");
        assertThat(Buckets.sizeLabel(1L << 30)).isEqualTo("512 MiB-1 GiB");
    }

    @Test
    void sizeLabel_betweenPowersOfTwo_nextRange() {
        assertThat(Buckets.sizeLabel(25_276_203_008L)).isEqualTo("16-32 GiB");
        assertThat(Buckets.sizeLabel(3L << 40)).isEqualTo("2-4 TiB");
    }

    @Test
    void sizeOf_sizeLabel_returnsUpperBound() {
        assertThat(Buckets.sizeOf("64-128 MiB")).isEqualTo(128L << 20);
        assertThat(Buckets.sizeOf("512 MiB-1 GiB")).isEqualTo(1L << 30);
        assertThat(Buckets.sizeOf("x86_64")).isEqualTo(-1);
        assertThat(Buckets.sizeOf("5-8")).isEqualTo(-1);
    }

    @Test
    void countLabel_smallAndLargeCounts_exactThenDoublingRanges() {
        assertThat(Buckets.countLabel(4)).isEqualTo("4");
        assertThat(Buckets.countLabel(5)).isEqualTo("5-8");
        assertThat(Buckets.countLabel(8)).isEqualTo("5-8");
        assertThat(Buckets.countLabel(9)).isEqualTo("9-16");
        assertThat(Buckets.countLabel(96)).isEqualTo("65-128");
    }

    @Test
    void kernelFamily_debianRelease_majorAndMinor() {
        assertThat(Buckets.kernelFamily("6.1.0-18-amd64")).isEqualTo("6.1");
        assertThat(Buckets.kernelFamily("5.15.153.1-microsoft-standard-WSL2")).isEqualTo("5.15");
        assertThat(Buckets.kernelFamily("unknown")).isEqualTo("unknown");
    }

    @Test
    void cpuModelFamily_marketingNames_vendorAndLine() {
        assertThat(Buckets.cpuModelFamily("Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz")).isEqualTo("Intel Xeon Gold");
        assertThat(Buckets.cpuModelFamily("AMD EPYC 7B13 64-Core Processor")).isEqualTo("AMD EPYC");
        assertThat(Buckets.cpuModelFamily("Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz")).isEqualTo("Intel Core");
        assertThat(Buckets.cpuModelFamily("Neoverse-N1")).isEqualTo("Neoverse-N1");
    }
}
