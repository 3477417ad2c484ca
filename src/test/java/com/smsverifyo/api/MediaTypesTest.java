package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaTypesTest {

    @Test
    void csvOnlyWhenTheClientPrefersIt() {
        assertThat(MediaTypes.prefersCsv("text/csv")).isTrue();
        assertThat(MediaTypes.prefersCsv("TEXT/CSV; charset=utf-8")).isTrue();
        assertThat(MediaTypes.prefersCsv("text/*")).isTrue();
        assertThat(MediaTypes.prefersCsv("text/csv, */*;q=0.1")).isTrue();
        assertThat(MediaTypes.prefersCsv("text/csv, */*")).isTrue();
        assertThat(MediaTypes.prefersCsv("application/json;q=0.5, text/csv")).isTrue();

        assertThat(MediaTypes.prefersCsv(null)).isFalse();
        assertThat(MediaTypes.prefersCsv("")).isFalse();
        assertThat(MediaTypes.prefersCsv("*/*")).isFalse();
        assertThat(MediaTypes.prefersCsv("application/json")).isFalse();
        assertThat(MediaTypes.prefersCsv("application/json, text/csv")).isFalse();
        assertThat(MediaTypes.prefersCsv("text/csv;q=0.4, application/json")).isFalse();
        assertThat(MediaTypes.prefersCsv("text/csv;q=0")).isFalse();
        assertThat(MediaTypes.prefersCsv("text/csv;q=nonsense")).isFalse();
        assertThat(MediaTypes.prefersCsv("garbage")).isFalse();
        assertThat(MediaTypes.prefersCsv("text/html, application/xhtml+xml")).isFalse();
    }
}
