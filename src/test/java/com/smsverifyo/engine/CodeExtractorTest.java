package com.smsverifyo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeExtractorTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            whatsapp  | Your WhatsApp code: 482-913\\nDon't share this code with others | 482913
            google    | G-412157 is your Google verification code.                    | 412157
            telegram  | Telegram code: 52817\\n\\nDo not give this code to anyone       | 52817
            facebook  | FB-38472 is your Facebook confirmation code                   | 38472
            instagram | 123 456 is your Instagram code. Don't share it.               | 123456
            tiktok    | [TikTok] 482913 is your verification code, valid for 5 minutes | 482913
            discord   | Your Discord verification code is: 482913                     | 482913
            uber      | Your Uber code: 4829. Never share this code.                  | 4829
            amazon    | 482913 is your Amazon OTP. Do not share it with anyone.       | 482913
            microsoft | Use 4829132 as Microsoft account security code                | 4829132
            ''        | Your verification code is 7781, valid 10 min                  | 7781
            ''        | 552 901 is your login code                                    | 552901
            """)
    void extractsTheCode(String service, String text, String code) {
        assertThat(CodeExtractor.extract(text.replace("\\n", "\n"), service.isBlank() ? null : service)).contains(code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Hello, how are you?
            ''
            """)
    void findsNothingWhereThereIsNoCode(String text) {
        assertThat(CodeExtractor.extract(text, null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            WhatsApp  | Your WhatsApp code: 482-913 | whatsapp
            Google    | G-412157 is your code        | google
            +1555     | FB-38472 is your code        | facebook
            Huber     | Your code 1234               | ''
            """)
    void tellsTheServiceByWholeWords(String sender, String text, String service) {
        assertThat(CodeExtractor.serviceOf(sender, text).orElse("")).isEqualTo(service);
    }
}
