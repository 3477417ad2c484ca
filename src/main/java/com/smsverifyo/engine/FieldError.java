package com.smsverifyo.engine;

/** One invalid field: a JSON pointer fragment such as {@code #/max_price_usd} and what is wrong. */
public record FieldError(String pointer, String detail) {
    public static FieldError of(String field, String detail) {
        return new FieldError("#/" + field, detail);
    }
}
