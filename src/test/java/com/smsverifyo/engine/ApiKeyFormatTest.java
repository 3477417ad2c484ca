package com.smsverifyo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {
    @Test
    void generatedKeysHaveThePrefixLengthAndAValidChecksum() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = ApiKeyFormat.generate();
            assertThat(key).startsWith("sms_live_").hasSize(9 + 30 + 6).matches("sms_live_[0-9A-Za-z]{36}");
            assertThat(ApiKeyFormat.wellFormed(key)).isTrue();
            assertThat(seen.add(key)).isTrue();
        }
    }

    @Test
    void anyMistypedCharacterFailsTheChecksum() {
        String key = ApiKeyFormat.generate();
        for (int i = 9; i < key.length(); i++) {
            char original = key.charAt(i);
            char other = original == 'a' ? 'b' : 'a';
            assertThat(ApiKeyFormat.wellFormed(key.substring(0, i) + other + key.substring(i + 1))).as("position %d", i).isFalse();
        }
        assertThat(ApiKeyFormat.wellFormed(key.substring(1))).isFalse();
        assertThat(ApiKeyFormat.wellFormed("sms_test_" + key.substring(9))).isFalse();
        assertThat(ApiKeyFormat.wellFormed(key + "0")).isFalse();
        assertThat(ApiKeyFormat.wellFormed(null)).isFalse();
    }

    @Test
    void theDisplayPrefixRevealsOnlyFourCharacters() {
        String key = ApiKeyFormat.generate();
        assertThat(ApiKeyFormat.displayPrefix(key)).isEqualTo(key.substring(0, 13) + "…");
        assertThat(ApiKeyFormat.hash(key)).hasSize(32);
    }
}
