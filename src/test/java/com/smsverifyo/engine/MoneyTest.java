package com.smsverifyo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void decimalsBecomeExactMicroDollars() {
        assertThat(Money.fromUsd("0.45")).isEqualTo(450_000L);
        assertThat(Money.fromUsd("0.0001")).isEqualTo(100L);
        assertThat(Money.fromUsd("100")).isEqualTo(100_000_000L);
        assertThat(Money.fromUsd("-2.5")).isEqualTo(-2_500_000L);
        assertThat(Money.fromUsd("0.10000")).isEqualTo(100_000L);
        assertThatThrownBy(() -> Money.fromUsd("0.00001")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void microDollarsShowAsPlainDecimalsWithAtMostFourPlaces() {
        assertThat(Money.toUsd(450_000L)).isEqualTo(new BigDecimal("0.45"));
        assertThat(Money.toUsd(0L).toPlainString()).isEqualTo("0");
        assertThat(Money.toUsd(100_000_000L).toPlainString()).isEqualTo("100");
        assertThat(Money.toUsd(123L).toPlainString()).isEqualTo("0.0001");
        assertThat(Money.format(1_234_500L)).isEqualTo("1.2345");
    }

    @Test
    void tierDiscountsRoundHalfUpToTheQuantum() {
        assertThat(Money.discount(450_000L, 2000)).isEqualTo(360_000L);
        assertThat(Money.discount(450_000L, 0)).isEqualTo(450_000L);
        assertThat(Money.discount(333_300L, 3333)).isEqualTo(222_200L);
        assertThat(Money.discount(150L, 5000)).isEqualTo(100L);
        assertThat(Money.discount(450_000L, 10_000)).isZero();
    }
}
